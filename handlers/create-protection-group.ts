/** `POST /protection-groups`: validate, sign and forward a create; answer 202 with the job. */
import { sdrsClient } from '../lib/dependencies.js';
import { httpHandler } from '../lib/http/http-handler.js';
import { SCOPES } from '../lib/http/middlewares/require-scope.js';
import { createProtectionGroup } from '../lib/protection-groups/create.js';
import { acceptedJobResponse } from '../lib/protection-groups/responses.js';
import { validateCreateProtectionGroup } from '../lib/validation/validators.js';

export const handler = httpHandler(
  {
    auth: { scope: SCOPES.write },
    body: { validator: validateCreateProtectionGroup, maxBytes: 16 * 1024 },
  },
  async ({ body }) => acceptedJobResponse(await createProtectionGroup(body, sdrsClient())),
);
