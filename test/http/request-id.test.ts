/** The request id: API Gateway's, or one made up per event and kept for that event. */
import { describe, expect, it } from 'vitest';
import { requestIdOf } from '../../lib/http/request-id.js';
import { httpEvent } from '../support/events.js';

describe('requestIdOf', () => {
  it("is API Gateway's request id when the event has one", () => {
    // Prepare
    const event = httpEvent({ requestId: 'gw-req-1' });

    // Act
    const ids = [requestIdOf(event), requestIdOf(event)];

    // Assess
    expect(ids).toEqual(['gw-req-1', 'gw-req-1']);
  });

  it.each([
    ['no', undefined],
    ['an empty', ''],
    ["serverless-offline's placeholder", 'offlineContext_requestId_1'],
  ])('is a new UUID, the same for one event, with %s gateway id', (_, requestId) => {
    // Prepare
    const event = httpEvent();
    const other = httpEvent();
    for (const e of [event, other]) {
      (e.requestContext as { requestId?: string }).requestId = requestId;
    }

    // Act
    const first = requestIdOf(event);
    const again = requestIdOf(event);
    const ofOther = requestIdOf(other);

    // Assess
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(again).toBe(first);
    expect(ofOther).not.toBe(first);
  });
});
