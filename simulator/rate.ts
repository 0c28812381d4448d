/**
 * Gateway throttle emulation and rate measurement.
 */

/**
 * Fixed-window limiter: windows are wall-clock seconds (`floor(ms / 1000)`); every arrival
 * counts (throttled ones too), and arrivals beyond `limit` in the window are refused.
 */
export class GatewayThrottle {
  private window = -1;
  private count = 0;

  constructor(private readonly limit: number) {
    if (!(limit >= 0)) throw new RangeError('rateLimitPerSecond must be >= 0');
  }

  /** Count an arrival at `now`; false when it is over the limit. */
  admit(now: number): boolean {
    const window = Math.floor(now / 1000);
    if (window !== this.window) {
      this.window = window;
      this.count = 0;
    }
    this.count += 1;
    return this.count <= this.limit;
  }

  reset(): void {
    this.window = -1;
    this.count = 0;
  }
}

/** Highest number of items whose `receivedAt` falls within any 1000 ms span `[t, t + 1000)`. */
export function maxPerSecond(items: readonly { receivedAt: number }[]): number {
  const times = items.map((i) => i.receivedAt).sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= 1000) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
