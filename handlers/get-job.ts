/** `GET /jobs/{jobId}`: the normalised job, with `Retry-After` while it is not finished. */
import { SDRS_CLIENT_SETTINGS, sdrsClient } from '../lib/dependencies.js';
import { httpHandler } from '../lib/http/http-handler.js';
import { jobResponse } from '../lib/http/lookup-responses.js';
import { getJob } from '../lib/lookups/jobs.js';
import { ROUTES } from '../lib/routes.js';
import { refuseToStartUnlessConfigured } from '../lib/startup.js';

// Inside Lambda a function with missing or malformed settings refuses to start (lib/startup.ts).
refuseToStartUnlessConfigured(SDRS_CLIENT_SETTINGS);

export const handler = httpHandler({ auth: ROUTES.getJob.auth }, async ({ event }) =>
  jobResponse(await getJob(event.pathParameters?.jobId, sdrsClient())),
);
