import type { RequestInit } from 'node-fetch';

type FetchSignal = NonNullable<RequestInit['signal']>;
type AbortListener = Parameters<FetchSignal['addEventListener']>[1];

/**
 * The whole-call timeout of one upstream call, as the `signal` node-fetch takes: it aborts the
 * call (connecting, waiting for headers or reading the body) when `ms` have passed, unless
 * `clear()` came first.
 *
 * Why not an `AbortController` per call: node-fetch only reads `aborted` and adds and removes one
 * `abort` listener (its signal check reads the `AbortSignal` tag), while an AbortController
 * builds an EventTarget and, on every call, pays for its listener bookkeeping. The fault tests
 * (no answer, a body that stalls) prove the timeout through node-fetch as it is pinned.
 */
export class CallDeadline implements FetchSignal {
  #aborted = false;
  #listeners: AbortListener[] = [];
  readonly #timer: NodeJS.Timeout;

  constructor(ms: number) {
    this.#timer = setTimeout(() => this.#expire(), ms);
  }

  /** node-fetch accepts a signal by this tag. */
  get [Symbol.toStringTag](): string {
    return 'AbortSignal';
  }

  /** True once the time ran out: the call was aborted by this deadline. */
  get aborted(): boolean {
    return this.#aborted;
  }

  addEventListener(type: 'abort', listener: AbortListener): void {
    if (type === 'abort') this.#listeners.push(listener);
  }

  removeEventListener(type: 'abort', listener: AbortListener): void {
    if (type === 'abort') this.#listeners = this.#listeners.filter((known) => known !== listener);
  }

  /** Ends the deadline once the call is over, answered or failed. */
  clear(): void {
    clearTimeout(this.#timer);
  }

  #expire(): void {
    this.#aborted = true;
    for (const listener of this.#listeners) listener.call(this);
  }
}
