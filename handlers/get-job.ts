/** `GET /jobs/{jobId}`: the normalised job, with `Retry-After` while it is not finished. */
import { readSecretConfig, readUpstreamConfig } from '../lib/config.js';
import { sdrsClient } from '../lib/dependencies.js';
import { httpHandler } from '../lib/http/http-handler.js';
import { SCOPES } from '../lib/http/middlewares/require-scope.js';
import { getJob } from '../lib/lookups/jobs.js';
import { jobResponse } from '../lib/lookups/responses.js';
import { refuseToStartUnlessConfigured } from '../lib/startup.js';

// Inside Lambda a function with missing or malformed settings refuses to start (lib/startup.ts).
refuseToStartUnlessConfigured([readUpstreamConfig, readSecretConfig]);

export const handler = httpHandler({ auth: { scope: SCOPES.read } }, async ({ event }) =>
  jobResponse(await getJob(event.pathParameters?.jobId, sdrsClient())),
);
