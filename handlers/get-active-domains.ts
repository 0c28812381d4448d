/** `GET /active-domains`: the active-active domains with their AZ pair, shaped for a create form. */
import { SDRS_CLIENT_SETTINGS, sdrsClient } from '../lib/dependencies.js';
import { httpHandler } from '../lib/http/http-handler.js';
import { activeDomainsResponse } from '../lib/http/lookup-responses.js';
import { listActiveDomains } from '../lib/lookups/active-domains.js';
import { ROUTES } from '../lib/routes.js';
import { refuseToStartUnlessConfigured } from '../lib/startup.js';

// Inside Lambda a function with missing or malformed settings refuses to start (lib/startup.ts).
refuseToStartUnlessConfigured(SDRS_CLIENT_SETTINGS);

export const handler = httpHandler({ auth: ROUTES.getActiveDomains.auth }, async () =>
  activeDomainsResponse(await listActiveDomains(sdrsClient())),
);
