/**
 * `POST /protection-groups`: validate, sign and forward a create; answer 202 with the job. With an
 * `Idempotency-Key` header a retried create is answered from the store (docs/idempotency.md).
 */
import { readSecretConfig, readUpstreamConfig } from '../lib/config.js';
import { sdrsClient } from '../lib/dependencies.js';
import { httpHandler } from '../lib/http/http-handler.js';
import { withIdempotencyKey } from '../lib/http/idempotency-key.js';
import { SCOPES } from '../lib/http/middlewares/require-scope.js';
import { createProtectionGroup } from '../lib/protection-groups/create.js';
import { acceptedJobResponse } from '../lib/protection-groups/responses.js';
import { refuseToStartUnlessConfigured, requireIdempotencyTable } from '../lib/startup.js';
import { validateCreateProtectionGroup } from '../lib/validation/validators.js';

// Inside Lambda a function with missing or malformed settings refuses to start (lib/startup.ts).
refuseToStartUnlessConfigured([readUpstreamConfig, readSecretConfig, requireIdempotencyTable]);

export const handler = httpHandler(
  {
    auth: { scope: SCOPES.write },
    body: { validator: validateCreateProtectionGroup, maxBytes: 16 * 1024 },
  },
  withIdempotencyKey('POST /protection-groups', async ({ body }) =>
    acceptedJobResponse(await createProtectionGroup(body, sdrsClient())),
  ),
);
