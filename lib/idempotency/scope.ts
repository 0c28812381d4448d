import type { APIGatewayProxyEventV2 } from 'aws-lambda';

interface JwtClaimsContext {
  readonly authorizer?: { readonly jwt?: { readonly claims?: Record<string, unknown> } };
}

/**
 * The scope of a caller's keys on one route: the route plus the caller's identity, the JWT `sub`
 * claim the API Gateway authorizer verified (`anonymous` when the route has no authorizer). Two
 * callers who pick the same key never see each other's stored answers.
 *
 * @example
 * callerScope(event, 'POST /protection-groups'); // 'POST /protection-groups|sub:3f2c…'
 */
export function callerScope(event: APIGatewayProxyEventV2, route: string): string {
  const context = event.requestContext as JwtClaimsContext | undefined;
  const sub = context?.authorizer?.jwt?.claims?.sub;
  const caller = typeof sub === 'string' && sub !== '' ? `sub:${sub}` : 'anonymous';
  return `${route}|${caller}`;
}
