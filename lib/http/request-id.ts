import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

const ids = new WeakMap<object, string>();

/**
 * The id of this request: API Gateway's request id (also the logger's correlation id), or a new
 * UUID when the event has none. Stable for one event object.
 */
export function requestIdOf(event: Partial<APIGatewayProxyEventV2>): string {
  let id = ids.get(event);
  if (id === undefined) {
    const fromGateway = event.requestContext?.requestId;
    // serverless-offline puts the same placeholder into every event; it identifies nothing.
    const usable =
      typeof fromGateway === 'string' &&
      fromGateway !== '' &&
      !fromGateway.startsWith('offlineContext_');
    id = usable ? fromGateway : randomUUID();
    ids.set(event, id);
  }
  return id;
}
