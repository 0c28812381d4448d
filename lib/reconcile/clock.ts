import { setTimeout as sleep } from 'node:timers/promises';

/** Time as a run sees it; injectable so the limiter and the deadline can be tested without waiting. */
export interface Clock {
  /** Monotonic milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock: `performance.now()` (monotonic) and a timer. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: async (ms) => {
    await sleep(Math.max(0, ms));
  },
};

/**
 * The moment after which a run starts no upstream request and no wait: the Lambda's remaining
 * time minus a reserve for one in-flight request and the report.
 */
export class Deadline {
  readonly #clock: Clock;
  readonly #closesAt: number;

  /** @param budgetMs milliseconds from now during which new work may start. */
  constructor(budgetMs: number, clock: Clock = systemClock) {
    this.#clock = clock;
    this.#closesAt = clock.now() + Math.max(0, budgetMs);
  }

  /** Clock time (see {@link Clock.now}) after which nothing new starts. */
  get closesAt(): number {
    return this.#closesAt;
  }

  /** True when work that first waits `waitMs` would still start before the deadline. */
  allows(waitMs = 0): boolean {
    return this.#clock.now() + waitMs < this.#closesAt;
  }
}

/** Raised instead of starting a request or a wait that could not finish before the deadline. */
export class RunDeadlineError extends Error {
  constructor(message = 'The run is out of time: nothing new is started') {
    super(message);
    this.name = 'RunDeadlineError';
  }
}
