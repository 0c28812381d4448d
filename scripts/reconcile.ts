/**
 * `npm run reconcile -- <list.json|list.yaml|s3://bucket/key> [--version-id ID] [--json]
 * [--dry-run] [--wait] [--timeout SECONDS]`: the scheduled `reconcile` function, run from the
 * command line with the same input and the same code. The list is a local file (JSON, or YAML
 * for `.yaml`/`.yml`) or an S3 object (read as the function reads it). The upstream, in this
 * order: SDRS_ENDPOINT when set; else the upstream of the running `npm start` stack (so the run
 * sees the groups the local API created); else an SDRS simulator started in this process (empty,
 * with its credentials in .local/). The first line on stderr says which one was used. S3: the
 * endpoint `AWS_ENDPOINT_URL_S3` names (any S3-compatible one), else the running stack's local
 * S3, else AWS. The report is also saved to `RECONCILE_BUCKET` (the stack's bucket by default),
 * as the function saves it; stderr names the key.
 *
 * On a terminal it shows progress on stderr and ends with a readable summary; `--json` prints the
 * report as JSON instead. Exit code: 0 complete, 1 incomplete (the function would fail and be
 * retried), 2 bad usage, input or configuration.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigurationError } from '../lib/config.js';
import { logger } from '../lib/observability/logger.js';
import { ProblemError } from '../lib/problems/errors.js';
import { readReconcileConfig } from '../lib/reconcile/config.js';
import { logReport, saveReport } from '../lib/reconcile/lambda.js';
import { prepareRun } from '../lib/reconcile/prepare.js';
import { reconcile } from '../lib/reconcile/run.js';
import { loadRunInput } from '../lib/reconcile/source.js';
import { reportStoreFromEnv, s3Client } from '../lib/reconcile/store/dependencies.js';
import { listFormatOf, parseListText } from '../lib/reconcile/store/desired-list.js';
import { formatProgress, formatSummary } from '../lib/reconcile/summary.js';
import { runningLocalStack } from './local-stack.js';
import { writePrivateFile } from './private-file.js';

// The AWS SDK warns about Node 20 on every client (S3 here); the warning is not this command's.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const USAGE =
  'usage: npm run reconcile -- <list.json|list.yaml|s3://bucket/key> [--version-id ID] [--json] [--dry-run] [--wait] [--timeout SECONDS]\n';

class UsageError extends Error {}

async function startEmbeddedSimulator(): Promise<() => Promise<void>> {
  const { startSimulator } = await import('../simulator/index.js');
  const simulator = await startSimulator();
  process.env.SDRS_ENDPOINT = simulator.url;
  process.env.SDRS_PROJECT_ID ||= simulator.projectId;
  if (!process.env.SDRS_SECRET_FILE && !process.env.SDRS_SECRET_ID) {
    process.env.SDRS_SECRET_FILE = resolve('.local/reconcile-simulator-credentials.json');
    await writePrivateFile(process.env.SDRS_SECRET_FILE, JSON.stringify(simulator.credentials));
  }
  process.stderr.write(
    `upstream: SDRS simulator on ${simulator.url} (embedded in this command, starts empty; no npm start stack is running)\n`,
  );
  return () => simulator.close();
}

/**
 * Chooses the upstream and says which on stderr. Returns the closer of an embedded simulator,
 * if one was started.
 */
async function chooseUpstream(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.SDRS_ENDPOINT) {
    process.stderr.write(`upstream: ${process.env.SDRS_ENDPOINT} (SDRS_ENDPOINT)\n`);
    return undefined;
  }
  const stack = runningLocalStack();
  if (!stack) return startEmbeddedSimulator();
  process.env.SDRS_ENDPOINT = stack.sdrsEndpoint;
  process.env.SDRS_PROJECT_ID ||= stack.sdrsProjectId;
  if (!process.env.SDRS_SECRET_FILE && !process.env.SDRS_SECRET_ID) {
    if (stack.sdrsSecretFile) process.env.SDRS_SECRET_FILE = stack.sdrsSecretFile;
    if (stack.sdrsSecretId) process.env.SDRS_SECRET_ID = stack.sdrsSecretId;
  }
  const what = stack.upstream === 'simulator' ? 'SDRS simulator' : 'SDRS';
  process.stderr.write(
    `upstream: ${what} on ${stack.sdrsEndpoint} (the running npm start stack, pid ${stack.pid}, API ${stack.apiUrl})\n`,
  );
  return undefined;
}

/**
 * Points S3 at the running `npm start` stack's local S3 and bucket, unless `AWS_ENDPOINT_URL_S3`
 * names another endpoint (then `RECONCILE_BUCKET` says where reports go, if anywhere).
 */
function chooseS3(): void {
  if (process.env.AWS_ENDPOINT_URL_S3) return;
  const stack = runningLocalStack();
  if (!stack?.s3Endpoint) return;
  process.env.AWS_ENDPOINT_URL_S3 = stack.s3Endpoint;
  if (stack.reconcileBucket) process.env.RECONCILE_BUCKET ||= stack.reconcileBucket;
  // The local S3 takes the keys of the local DynamoDB (scripts/local-s3.ts); not secrets.
  process.env.AWS_ACCESS_KEY_ID ||= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ||= 'local';
  process.env.AWS_REGION ||= 'eu-west-1';
}

/** The event the function would get: a pointer to an S3 object, or a local file's list. */
async function listEvent(target: string, versionId: string | undefined): Promise<unknown> {
  if (target.startsWith('s3://')) return { source: target, ...(versionId && { versionId }) };
  if (versionId) throw new UsageError('--version-id goes with an s3:// list');
  let text: string;
  try {
    text = await readFile(target, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${target}: ${(error as Error).message}`);
  }
  return parseListText(text, listFormatOf(target));
}

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        wait: { type: 'boolean', default: false },
        'version-id': { type: 'string' },
        timeout: { type: 'string', default: '900' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine();
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [target] = positionals;
  const timeoutSeconds = Number(values.timeout);
  if (!target || positionals.length > 1) throw new UsageError('give exactly one list');
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1) {
    throw new UsageError('--timeout must be a whole number of seconds');
  }
  // Logs go to stdout as JSON lines: silent unless asked for, so the summary or --json stays clean.
  if (!process.env.POWERTOOLS_LOG_LEVEL) logger.setLogLevel('SILENT');
  const config = readReconcileConfig();
  const event = await listEvent(target, values['version-id']);
  chooseS3();
  const loaded = await loadRunInput(event, { ...config, s3: s3Client });
  if (!loaded.ok) throw loaded.error;
  const input = {
    ...loaded.input,
    dryRun: loaded.input.dryRun || values['dry-run'],
    waitForJobs: loaded.input.waitForJobs || values.wait,
  };
  const closeSimulator = await chooseUpstream();
  const showProgress = !values.json && process.stderr.isTTY === true;
  let lastDraw = 0;
  try {
    const run = prepareRun({
      runId: randomUUID(),
      remainingMs: timeoutSeconds * 1000,
      config,
      ...(showProgress && {
        onProgress: (p) => {
          const now = Date.now();
          if (now - lastDraw < 100 && p.done < p.total) return;
          lastDraw = now;
          process.stderr.write(
            `\r\x1b[2K${formatProgress(p.phase, p.done, p.total, p.ratePerSecond)}`,
          );
        },
      }),
    });
    const report = await reconcile(input, run);
    if (showProgress) process.stderr.write('\r\x1b[2K');
    logReport(report);
    const saved = await saveReport(reportStoreFromEnv(), report, loaded.listKey);
    if (saved) process.stderr.write(`report: s3://${saved.bucket}/${saved.report}\n`);
    process.stdout.write(
      values.json ? `${JSON.stringify(report, null, 2)}\n` : formatSummary(report),
    );
    return report.complete ? 0 : 1;
  } finally {
    await closeSimulator?.();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`reconcile: ${error.message}\n${USAGE}`);
    else if (error instanceof ProblemError) {
      process.stderr.write(`reconcile: ${error.detail ?? error.message}\n`);
      for (const e of error.errors ?? []) process.stderr.write(`  ${e.pointer} ${e.detail}\n`);
    } else if (error instanceof ConfigurationError) {
      process.stderr.write(`reconcile: ${error.message}\n`);
    } else {
      process.stderr.write(`reconcile: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    }
    process.exit(2);
  },
);
