/**
 * A bounded queue of runs: at most `concurrency` run at once and at most `capacity` wait; a run
 * offered beyond that is refused at once (the server answers 429 with Retry-After) instead of
 * piling up memory and latency. A waiting run whose signal aborts (the client cancelled or closed
 * the tab) leaves the queue without running.
 */
export class QueueFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`the server is busy: ${retryAfterSeconds} s until a run slot is likely free`);
    this.name = 'QueueFull';
  }
}

interface Waiting {
  start: () => void;
  signal: AbortSignal;
  onAbort: () => void;
}

export class RunQueue {
  private running = 0;
  private readonly waiting: Waiting[] = [];
  /** Smoothed seconds a run takes, for Retry-After. */
  private meanSeconds = 1;

  constructor(
    readonly concurrency: number,
    readonly capacity: number,
  ) {}

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Whether a run offered now would be refused. */
  full(): boolean {
    return this.running >= this.concurrency && this.waiting.length >= this.capacity;
  }

  /**
   * Runs `job` when a slot is free. Rejects with QueueFull at once when the queue is full, and rejects with the signal's reason if aborted while waiting.
   */
  async run<T>(signal: AbortSignal, job: () => Promise<T>): Promise<T> {
    signal.throwIfAborted();
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.capacity) throw new QueueFull(this.retryAfter());
      await new Promise<void>((resolve, reject) => {
        const entry: Waiting = {
          start: () => {
            signal.removeEventListener('abort', entry.onAbort);
            resolve();
          },
          signal,
          onAbort: () => {
            const i = this.waiting.indexOf(entry);
            if (i >= 0) this.waiting.splice(i, 1);
            reject(signal.reason);
          },
        };
        signal.addEventListener('abort', entry.onAbort, { once: true });
        this.waiting.push(entry);
      });
    } else {
      this.running++;
    }
    const started = performance.now();
    try {
      return await job();
    } finally {
      this.meanSeconds = 0.8 * this.meanSeconds + 0.2 * ((performance.now() - started) / 1000);
      const next = this.waiting.shift();
      // The slot passes straight to the next waiting run; otherwise it is freed.
      if (next) next.start();
      else this.running--;
    }
  }

  /** Whole seconds until a slot is likely free: the runs ahead of a new one times the mean run time, at least 1. */
  retryAfter(): number {
    const ahead = (this.waiting.length + this.running) / this.concurrency;
    return Math.max(1, Math.ceil(ahead * this.meanSeconds));
  }
}
