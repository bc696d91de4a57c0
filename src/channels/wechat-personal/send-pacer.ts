// Paces what one personal WeChat account sends: a minimum gap between messages and a cap per service day,
// because WeChat blocks accounts that send in bursts. One logged-in account lives in one process, so the
// pace is kept in memory; sends wait their turn in order.

export interface SendPacerOptions {
  minGapMs: number;
  dailyCap: number;
  clock: () => Date;
  /** The service day a moment falls on (Beijing date), so the cap resets at local midnight. */
  dayOf: (at: Date) => string;
  sleep?: (ms: number) => Promise<void>;
}

export type PacedOutcome<T = void> = { sent: true; value: T } | { sent: false; reason: 'daily_cap' };

export class SendPacer {
  private tail: Promise<unknown> = Promise.resolve();
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private day = '';
  private sentToday = 0;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: SendPacerOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Runs `send` once its turn and the gap allow; refuses it (without running it) when today's cap is used up. */
  send<T>(send: () => Promise<T>): Promise<PacedOutcome<T>> {
    const run = this.tail.then(() => this.paced(send));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Messages sent on the current service day. */
  sentOnDay(): { day: string; sent: number } {
    return { day: this.day, sent: this.sentToday };
  }

  /** Whether today's cap still leaves room for a message at `at` (a new service day always does). */
  hasRoomOn(at: Date): boolean {
    return this.options.dayOf(at) !== this.day || this.sentToday < this.options.dailyCap;
  }

  private async paced<T>(send: () => Promise<T>): Promise<PacedOutcome<T>> {
    const { clock, dayOf, dailyCap, minGapMs } = this.options;
    const day = dayOf(clock());
    if (day !== this.day) {
      this.day = day;
      this.sentToday = 0;
    }
    if (this.sentToday >= dailyCap) return { sent: false, reason: 'daily_cap' };
    const wait = this.lastSentAt + minGapMs - clock().getTime();
    if (wait > 0) await this.sleep(wait);
    this.sentToday += 1;
    try {
      return { sent: true, value: await send() };
    } finally {
      this.lastSentAt = clock().getTime();
    }
  }
}
