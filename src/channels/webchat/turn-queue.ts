// One chain of promises per conversation: turns of a conversation run one at a time and in arrival order,
// different conversations run side by side. A failed job never breaks the chain.

export class TurnQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly pending = new Map<string, number>();

  constructor(private readonly onError: (key: string, error: unknown) => void) {}

  /** Queues `job` after every earlier job of `key`; resolves when it has run (never rejects). */
  run(key: string, job: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(job).catch((error: unknown) => this.onError(key, error));
    this.tails.set(key, next);
    this.pending.set(key, this.depth(key) + 1);
    void next.then(() => {
      const left = this.depth(key) - 1;
      if (left > 0) this.pending.set(key, left);
      else this.pending.delete(key);
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
    return next;
  }

  /** Jobs of `key` queued or running. */
  depth(key: string): number {
    return this.pending.get(key) ?? 0;
  }

  /** Resolves when every queued job (including ones queued while waiting) has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
