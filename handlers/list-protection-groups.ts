/** `GET /protection-groups`: one page of existing groups, filtered by `name` and `status`. */
import { SDRS_CLIENT_SETTINGS, sdrsClient } from '../lib/dependencies.js';
import { httpHandler } from '../lib/http/http-handler.js';
import { protectionGroupPageResponse } from '../lib/http/lookup-responses.js';
import { listProtectionGroups } from '../lib/lookups/protection-groups.js';
import { ROUTES } from '../lib/routes.js';
import { refuseToStartUnlessConfigured } from '../lib/startup.js';
import { validateListProtectionGroupsQuery } from '../lib/validation/validators.js';

// Inside Lambda a function with missing or malformed settings refuses to start (lib/startup.ts).
refuseToStartUnlessConfigured(SDRS_CLIENT_SETTINGS);

export const handler = httpHandler(
  {
    auth: ROUTES.listProtectionGroups.auth,
    query: { validator: validateListProtectionGroupsQuery },
  },
  async ({ query }) => protectionGroupPageResponse(await listProtectionGroups(query, sdrsClient())),
);
