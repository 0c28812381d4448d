/** `GET /protection-groups`: one page of existing groups, filtered by `name` and `status`. */
import { sdrsClient } from '../lib/dependencies.js';
import { httpHandler } from '../lib/http/http-handler.js';
import { SCOPES } from '../lib/http/middlewares/require-scope.js';
import { listProtectionGroups } from '../lib/lookups/protection-groups.js';
import { protectionGroupPageResponse } from '../lib/lookups/responses.js';
import { validateListProtectionGroupsQuery } from '../lib/validation/validators.js';

export const handler = httpHandler(
  { auth: { scope: SCOPES.read }, query: { validator: validateListProtectionGroupsQuery } },
  async ({ query }) => protectionGroupPageResponse(await listProtectionGroups(query, sdrsClient())),
);
