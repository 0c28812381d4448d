/** `GET /active-domains`: the active-active domains with their AZ pair, shaped for a create form. */
import { readSecretConfig, readUpstreamConfig } from '../lib/config.js';
import { sdrsClient } from '../lib/dependencies.js';
import { httpHandler } from '../lib/http/http-handler.js';
import { SCOPES } from '../lib/http/middlewares/require-scope.js';
import { listActiveDomains } from '../lib/lookups/active-domains.js';
import { activeDomainsResponse } from '../lib/lookups/responses.js';
import { refuseToStartUnlessConfigured } from '../lib/startup.js';

// Inside Lambda a function with missing or malformed settings refuses to start (lib/startup.ts).
refuseToStartUnlessConfigured([readUpstreamConfig, readSecretConfig]);

export const handler = httpHandler({ auth: { scope: SCOPES.read } }, async () =>
  activeDomainsResponse(await listActiveDomains(sdrsClient())),
);
