/**
 * The light per-call timeout signal: what node-fetch relies on (its signal check, `aborted`, one
 * `abort` listener added and removed). The timeout through node-fetch itself is proven by the
 * fault matrix (no answer, a stalled body → UPSTREAM_TIMEOUT).
 */
import { Request } from 'node-fetch';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallDeadline } from '../../lib/upstream/call-deadline.js';

describe('CallDeadline', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is taken by node-fetch as a signal', () => {
    // Prepare
    const deadline = new CallDeadline(1_000);

    // Act
    const request = new Request('http://127.0.0.1/', { signal: deadline });
    deadline.clear();

    // Assess
    expect(request.signal).toBe(deadline);
    expect(Object.prototype.toString.call(deadline)).toBe('[object AbortSignal]');
  });

  it('aborts once when the time runs out, calling the listeners still registered', () => {
    // Prepare
    const deadline = new CallDeadline(1_000);
    const kept = vi.fn();
    const removed = vi.fn();
    deadline.addEventListener('abort', kept);
    deadline.addEventListener('abort', removed);
    deadline.removeEventListener('abort', removed);

    // Act
    vi.advanceTimersByTime(999);
    const early = deadline.aborted;
    vi.advanceTimersByTime(1);

    // Assess
    expect(early).toBe(false);
    expect(deadline.aborted).toBe(true);
    expect(kept).toHaveBeenCalledOnce();
    expect(kept.mock.contexts[0]).toBe(deadline);
    expect(removed).not.toHaveBeenCalled();
  });

  it('never aborts once cleared', () => {
    // Prepare
    const deadline = new CallDeadline(1_000);
    const listener = vi.fn();
    deadline.addEventListener('abort', listener);

    // Act
    deadline.clear();
    vi.advanceTimersByTime(5_000);

    // Assess
    expect(deadline.aborted).toBe(false);
    expect(listener).not.toHaveBeenCalled();
  });
});
