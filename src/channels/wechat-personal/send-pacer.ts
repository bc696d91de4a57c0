// Paces what one personal WeChat account sends: a minimum gap between messages and a cap per service day,
// because WeChat blocks accounts that send in bursts. The slots come from a send budget every instance shares
// (the database's in production), so a second instance logged in as the same account keeps to the same pace;
// sends of this process wait their turn in order, each until its reserved slot.
import { createMemorySendBudget, type SendBudget } from '../send-budget.ts';

export interface SendPacerOptions {
  minGapMs: number;
  dailyCap: number;
  clock: () => Date;
  /** The service day a moment falls on (Beijing date), so the cap resets at local midnight. */
  dayOf: (at: Date) => string;
  sleep?: (ms: number) => Promise<void>;
  /** Where the slots are reserved (default: in this process only). */
  budget?: SendBudget;
  /** The account the budget is kept for (one budget per WeChat account). */
  account?: string;
}

export type PacedOutcome<T = void> = { sent: true; value: T } | { sent: false; reason: 'daily_cap' };

export class SendPacer {
  private tail: Promise<unknown> = Promise.resolve();
  private day = '';
  private sentToday = 0;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly budget: SendBudget;
  private readonly key: string;

  constructor(private readonly options: SendPacerOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.budget = options.budget ?? createMemorySendBudget();
    this.key = `wechat-personal:${options.account ?? 'default'}`;
  }

  /** Runs `send` once its reserved slot comes; refuses it (without running it) when today's cap is used up. */
  send<T>(send: () => Promise<T>): Promise<PacedOutcome<T>> {
    const run = this.tail.then(() => this.paced(send));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Messages sent (slots reserved, by every instance) on the service day of the last send. */
  sentOnDay(): { day: string; sent: number } {
    return { day: this.day, sent: this.sentToday };
  }

  /** Whether the cap, as last seen from the budget, leaves room for a message at `at` (a new service day always does). */
  hasRoomOn(at: Date): boolean {
    return this.options.dayOf(at) !== this.day || this.sentToday < this.options.dailyCap;
  }

  private async paced<T>(send: () => Promise<T>): Promise<PacedOutcome<T>> {
    const { clock, dayOf, dailyCap, minGapMs } = this.options;
    const now = clock();
    const grant = await this.budget.take(this.key, { windows: [{ count: 1, windowMs: minGapMs }], daily: { cap: dailyCap, day: dayOf(now) } }, now);
    this.day = grant.day;
    this.sentToday = grant.sentOnDay;
    if (!grant.ok) return { sent: false, reason: 'daily_cap' };
    const wait = grant.at.getTime() - clock().getTime();
    if (wait > 0) await this.sleep(wait);
    return { sent: true, value: await send() };
  }
}
