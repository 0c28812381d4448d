import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** Ids made up for events without a usable gateway id, so that each event keeps its own. */
const madeUp = new WeakMap<object, string>();

/**
 * The id of this request: API Gateway's request id (also the logger's correlation id), or a new
 * UUID when the event has none. Stable for one event object.
 */
export function requestIdOf(event: Partial<APIGatewayProxyEventV2>): string {
  const fromGateway = event.requestContext?.requestId;
  // serverless-offline puts the same placeholder into every event; it identifies nothing.
  // A usable gateway id is read from the event on every call, without a lookup table: only a
  // made-up id needs remembering (a WeakMap entry per request also costs the garbage collector).
  if (
    typeof fromGateway === 'string' &&
    fromGateway !== '' &&
    !fromGateway.startsWith('offlineContext_')
  ) {
    return fromGateway;
  }
  let id = madeUp.get(event);
  if (id === undefined) {
    id = randomUUID();
    madeUp.set(event, id);
  }
  return id;
}
