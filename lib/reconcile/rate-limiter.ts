import { type Clock, RunDeadlineError, systemClock } from './clock.js';

/**
 * Share of each interval added as a margin, so that network jitter between us and the gateway
 * (a request sent on time arriving a little late, the next one on time) cannot put more than
 * `ratePerSecond` requests into any one second on the gateway's side.
 */
export const JITTER_MARGIN = 0.05;

const RATE_WINDOW_MS = 1000;

export interface RateLimiterOptions {
  readonly clock?: Clock;
  /** Clock time after which no slot is granted: `take()` rejects with `RunDeadlineError`. */
  readonly closesAt?: number;
}

/**
 * Interval rate limiter for every upstream request of a run. Slots are granted one at a time,
 * in call order, `1.05 s / ratePerSecond` apart, and never more than `ratePerSecond` within any
 * sliding second (checked against the grants actually made): the limit holds in every window,
 * not only on average. No bursts: a run is a steady
 * trickle that leaves the gateway's 200 requests/s per API to everyone else.
 *
 * A throttled answer pauses the whole limiter (`pause`), not just the request that got it: the
 * gateway counts all our requests, so the other workers must wait too.
 */
export class RateLimiter {
  readonly #intervalMs: number;
  readonly #ratePerSecond: number;
  readonly #clock: Clock;
  readonly #closesAt: number;
  #nextSlot = Number.NEGATIVE_INFINITY;
  #pausedUntil = Number.NEGATIVE_INFINITY;
  #queue: Promise<void> = Promise.resolve();
  #recent: number[] = [];
  #granted = 0;

  constructor(ratePerSecond: number, options: RateLimiterOptions = {}) {
    if (!(ratePerSecond > 0)) throw new RangeError('ratePerSecond must be > 0');
    this.#intervalMs = (RATE_WINDOW_MS * (1 + JITTER_MARGIN)) / ratePerSecond;
    this.#ratePerSecond = ratePerSecond;
    this.#clock = options.clock ?? systemClock;
    this.#closesAt = options.closesAt ?? Number.POSITIVE_INFINITY;
  }

  /** Minimum time between two grants. */
  get intervalMs(): number {
    return this.#intervalMs;
  }

  /** Slots granted so far: one per upstream request sent. */
  get granted(): number {
    return this.#granted;
  }

  /**
   * Waits for the next slot (first come, first served). Rejects with `RunDeadlineError`, without
   * waiting, when that slot would come after the deadline.
   */
  take(): Promise<void> {
    const turn = this.#queue.then(() => this.#waitForSlot());
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  /** Grants nothing for `ms` from now (extends, never shortens, a pause already running). */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#clock.now() + ms);
  }

  /** Requests granted within the last second: the rate shown while a run makes progress. */
  currentRate(): number {
    this.#forgetOld(this.#clock.now());
    return this.#recent.length;
  }

  async #waitForSlot(): Promise<void> {
    let scheduledAt: number;
    let slept = false;
    for (;;) {
      const now = this.#clock.now();
      scheduledAt = Math.max(this.#nextSlot, this.#pausedUntil, this.#windowReopensAt(now));
      if (scheduledAt > this.#closesAt) throw new RunDeadlineError();
      if (now >= scheduledAt) break;
      // A pause may be extended while we sleep, and a timer may fire early: check again.
      await this.#clock.sleep(scheduledAt - now);
      slept = true;
    }
    const grantedAt = this.#clock.now();
    // The next slot counts from when this one was due, not from when the timer fired, so timers
    // that fire a few milliseconds late do not add up over a run (lateness beyond the 5 % margin
    // is not forgiven: idle time is never banked). The window check caps every second anyway.
    const lateness = slept
      ? Math.min(grantedAt - scheduledAt, this.#intervalMs * JITTER_MARGIN)
      : 0;
    this.#nextSlot = grantedAt - Math.max(0, lateness) + this.#intervalMs;
    this.#granted += 1;
    this.#recent.push(grantedAt);
    this.#forgetOld(grantedAt);
  }

  /** When the last second already holds `ratePerSecond` grants: the moment the oldest leaves it. */
  #windowReopensAt(now: number): number {
    this.#forgetOld(now);
    if (this.#recent.length < this.#ratePerSecond) return Number.NEGATIVE_INFINITY;
    return (this.#recent[this.#recent.length - this.#ratePerSecond] ?? 0) + RATE_WINDOW_MS + 1;
  }

  #forgetOld(now: number): void {
    let drop = 0;
    while (drop < this.#recent.length && (this.#recent[drop] ?? 0) <= now - RATE_WINDOW_MS) drop++;
    if (drop > 0) this.#recent = this.#recent.slice(drop);
  }
}
