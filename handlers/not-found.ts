/** `$default` route: every request no other route matched gets a problem+json 404 or 405. */
import { httpHandler } from '../lib/http/http-handler.js';
import { methodsAllowedAt } from '../lib/http/known-routes.js';
import { problem, problemResponse } from '../lib/http/responses.js';
import { ProblemError } from '../lib/problems/errors.js';
import { refuseToStartUnlessConfigured } from '../lib/startup.js';

// Inside Lambda a function with missing or malformed settings refuses to start (lib/startup.ts).
refuseToStartUnlessConfigured([]);

export const handler = httpHandler({ auth: 'public' }, async ({ event, requestId }) => {
  const allowed = methodsAllowedAt(event.rawPath);
  if (allowed.length === 0)
    return problem('NOT_FOUND', `No route serves ${event.rawPath}.`, requestId);
  const method = event.requestContext.http.method;
  const detail = `${method} is not allowed here; use ${allowed.join(', ')}.`;
  return problemResponse(
    new ProblemError('METHOD_NOT_ALLOWED', detail, {
      detail,
      headers: { allow: allowed.join(', ') },
    }),
    requestId,
  );
});
