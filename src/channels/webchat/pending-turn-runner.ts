// Runs the web chat turns that were acknowledged: the instance that acknowledged one runs it at once; a
// crashed instance's turns are claimed by any instance once their lease lapses (start-up and a periodic sweep).
import type { TurnQueue } from './turn-queue.ts';
import type { ClaimedTurn, PendingTurnStore } from './pending-turn-port.ts';
import type { AcknowledgedActivity } from './pending-turn-port.ts';
import { storedTurnActivity } from './stored-turn-activity.ts';
import type { TurnLogic, WebchatAdapter, WebchatLogger } from './webchat-adapter.ts';

export interface PendingTurnRunnerOptions {
  store: PendingTurnStore;
  adapter: WebchatAdapter;
  logic: TurnLogic;
  queue: TurnQueue;
  /** This instance's name in the lease column (unique per process). */
  owner: string;
  clock: () => Date;
  /** How long a claim lasts without renewal; a running turn renews it every third of this. */
  leaseMs: number;
  logger: WebchatLogger;
}

const SWEEP_BATCH = 50;

export class PendingTurnRunner {
  private readonly inFlight = new Set<string>();
  private sweeping: Promise<number> | null = null;

  constructor(private readonly options: PendingTurnRunnerOptions) {}

  /**
   * Records a user's activity with its pending turn, then queues the turn. A client retry of an activity
   * whose turn never ran (its runner died) claims and runs it here; one that ran or is running runs nothing.
   */
  async acknowledge(conversationId: string, activity: Record<string, unknown>, clientActivityId?: string): Promise<AcknowledgedActivity> {
    const { store, owner } = this.options;
    const ack = await store.acknowledge({ conversationId, activity, clientActivityId, owner, leaseUntil: this.leaseFromNow() });
    if (!ack.duplicate) this.enqueue({ activityId: ack.activity.id, conversationId, activity: { ...ack.activity, text: activity.text, value: activity.value } });
    else await this.retry(ack.activity.id);
    return ack;
  }

  /** Claims and queues every pending turn whose lease has lapsed (start-up, the periodic sweep); returns how many. */
  sweep(): Promise<number> {
    this.sweeping ??= this.claimLapsed().finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  /** Sweeps every `intervalMs` until the returned function is called. */
  startSweeping(intervalMs: number): () => void {
    const timer = setInterval(() => {
      this.sweep().catch((err: unknown) => this.options.logger.error({ err }, 'web chat pending-turn sweep failed'));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private async claimLapsed(): Promise<number> {
    const { store, owner, clock } = this.options;
    let total = 0;
    for (;;) {
      const claimed = await store.claimExpired(owner, clock(), this.leaseFromNow(), SWEEP_BATCH);
      claimed.forEach((turn) => this.enqueue(turn));
      total += claimed.length;
      if (claimed.length < SWEEP_BATCH) break;
    }
    if (total > 0) this.options.logger.info({ turns: total }, 'web chat: resuming acknowledged turns that had not run');
    return total;
  }

  private async retry(activityId: string): Promise<void> {
    if (this.inFlight.has(activityId)) return;
    const { store, owner, clock } = this.options;
    const claimed = await store.claim(activityId, owner, clock(), this.leaseFromNow());
    if (claimed) this.enqueue(claimed);
  }

  private enqueue(turn: ClaimedTurn): void {
    if (this.inFlight.has(turn.activityId)) return;
    this.inFlight.add(turn.activityId);
    void this.options.queue.run(turn.conversationId, () => this.run(turn)).finally(() => this.inFlight.delete(turn.activityId));
  }

  private async run(turn: ClaimedTurn): Promise<void> {
    const { store, owner, clock, adapter, logic, logger, leaseMs } = this.options;
    // The lease may have lapsed while the turn waited in the queue; renewing fails if another instance took it.
    if (!(await store.renew(turn.activityId, owner, this.leaseFromNow()))) {
      logger.warn({ conversationId: turn.conversationId }, 'web chat turn is held by another instance; not run here');
      return;
    }
    const heartbeat = setInterval(() => {
      store.renew(turn.activityId, owner, this.leaseFromNow()).catch((err: unknown) => logger.warn({ err }, 'web chat lease renewal failed'));
    }, Math.max(1, Math.floor(leaseMs / 3)));
    heartbeat.unref();
    try {
      let committed = false;
      await adapter.processActivity(storedTurnActivity(turn.activity), logic, {
        first: async (replies) => {
          const ids = await store.complete(turn.activityId, owner, replies, clock());
          committed = true;
          return ids;
        },
        more: (replies, firstOrdinal) => store.appendReplies(turn.activityId, replies, firstOrdinal),
      });
      if (!committed) await store.complete(turn.activityId, owner, [], clock());
    } finally {
      clearInterval(heartbeat);
    }
  }

  private leaseFromNow(): Date {
    return new Date(this.options.clock().getTime() + this.options.leaseMs);
  }
}
