import type { Browser } from 'playwright-core';
import type { LocalApi } from '../support/local-api.js';

/** The one `npm start` (authentication on) every smoke suite of this folder shares. */
export interface SmokeStack {
  readonly api: LocalApi;
  /** Minted with `npm run token -- --scope write --scope read --sub smoke-user`. */
  readonly token: string;
  /** Minted with `--scope read` only. */
  readonly readOnlyToken: string;
  /** A page on the one allowed origin, and one on another port (another origin). */
  readonly pageUrl: string;
  readonly otherUrl: string;
  /** Headless Chromium. */
  readonly browser: Browser;
}

/** `fetch` against the stack with the write+read token (override or drop headers in `init`). */
export function call(stack: SmokeStack, path: string, init: RequestInit = {}) {
  return fetch(`${stack.api.url}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${stack.token}`,
      ...(init.headers as Record<string, string>),
    },
  });
}
