/** `GET /reconcile/runs/latest`: the newest reconcile run report of a desired list (docs/reconcile.md). */
import { httpHandler } from '../lib/http/http-handler.js';
import { latestRunResponse } from '../lib/http/reconcile-responses.js';
import { requireReportBucket } from '../lib/reconcile/store/config.js';
import { readLatestReport } from '../lib/reconcile/store/latest-run.js';
import { ROUTES } from '../lib/routes.js';
import { refuseToStartUnlessConfigured } from '../lib/startup.js';
import { validateLatestReconcileRunQuery } from '../lib/validation/validators.js';

// Inside Lambda a function with missing or malformed settings refuses to start (lib/startup.ts).
refuseToStartUnlessConfigured([requireReportBucket]);

export const handler = httpHandler(
  {
    auth: ROUTES.getLatestReconcileRun.auth,
    query: { validator: validateLatestReconcileRunQuery },
  },
  async ({ query }) => latestRunResponse(await readLatestReport(query.list)),
);
