/** `GET /active-domains`: the active-active domains with their AZ pair, shaped for a create form. */
import { sdrsClient } from '../lib/dependencies.js';
import { httpHandler } from '../lib/http/http-handler.js';
import { SCOPES } from '../lib/http/middlewares/require-scope.js';
import { listActiveDomains } from '../lib/lookups/active-domains.js';
import { activeDomainsResponse } from '../lib/lookups/responses.js';

export const handler = httpHandler({ auth: { scope: SCOPES.read } }, async () =>
  activeDomainsResponse(await listActiveDomains(sdrsClient())),
);
