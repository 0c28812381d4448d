/**
 * `POST /protection-groups`: validate, sign and forward a create; answer 202 with the job. With an
 * `Idempotency-Key` header a retried create is answered from the store (docs/idempotency.md).
 */
import { SDRS_CLIENT_SETTINGS, sdrsClient } from '../lib/dependencies.js';
import { acceptedJobResponse } from '../lib/http/create-responses.js';
import { httpHandler } from '../lib/http/http-handler.js';
import { withIdempotencyKey } from '../lib/http/idempotency-key.js';
import { createProtectionGroup } from '../lib/protection-groups/create.js';
import { ROUTES, routeKey } from '../lib/routes.js';
import { refuseToStartUnlessConfigured, requireIdempotencyTable } from '../lib/startup.js';
import { validateCreateProtectionGroup } from '../lib/validation/validators.js';

// Inside Lambda a function with missing or malformed settings refuses to start (lib/startup.ts).
refuseToStartUnlessConfigured([...SDRS_CLIENT_SETTINGS, requireIdempotencyTable]);

export const handler = httpHandler(
  {
    auth: ROUTES.createProtectionGroup.auth,
    body: {
      validator: validateCreateProtectionGroup,
      maxBytes: ROUTES.createProtectionGroup.maxBodyBytes,
    },
  },
  withIdempotencyKey(routeKey(ROUTES.createProtectionGroup), async ({ body }) =>
    acceptedJobResponse(await createProtectionGroup(body, sdrsClient())),
  ),
);
