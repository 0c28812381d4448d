/**
 * `npm run reconcile -- <file.json> [--json] [--dry-run] [--wait] [--timeout SECONDS]`: the
 * scheduled `reconcile` function, run from the command line with the same input and the same
 * code. The upstream, in this order: SDRS_ENDPOINT when set; else the upstream of the running
 * `npm start` stack (so the run sees the groups the local API created); else an SDRS simulator
 * started in this process (empty, with its credentials in .local/). The first line on stderr says
 * which one was used.
 *
 * On a terminal it shows progress on stderr and ends with a readable summary; `--json` prints the
 * report as JSON instead. Exit code: 0 complete, 1 incomplete (the function would fail and be
 * retried), 2 bad usage, input or configuration.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigurationError } from '../lib/config.js';
import { logger } from '../lib/observability/logger.js';
import { ProblemError } from '../lib/problems/errors.js';
import { readReconcileConfig } from '../lib/reconcile/config.js';
import { parseReconcileInput } from '../lib/reconcile/input.js';
import { logReport } from '../lib/reconcile/lambda.js';
import { prepareRun } from '../lib/reconcile/prepare.js';
import { reconcile } from '../lib/reconcile/run.js';
import { formatProgress, formatSummary } from '../lib/reconcile/summary.js';
import { runningLocalStack } from './local-stack.js';

const USAGE =
  'usage: npm run reconcile -- <file.json> [--json] [--dry-run] [--wait] [--timeout SECONDS]\n';

class UsageError extends Error {}

async function startEmbeddedSimulator(): Promise<() => Promise<void>> {
  const { startSimulator } = await import('../simulator/index.js');
  const simulator = await startSimulator();
  process.env.SDRS_ENDPOINT = simulator.url;
  process.env.SDRS_PROJECT_ID ||= simulator.projectId;
  if (!process.env.SDRS_SECRET_FILE && !process.env.SDRS_SECRET_ID) {
    const dir = resolve('.local');
    await mkdir(dir, { recursive: true });
    process.env.SDRS_SECRET_FILE = resolve(dir, 'reconcile-simulator-credentials.json');
    await writeFile(process.env.SDRS_SECRET_FILE, JSON.stringify(simulator.credentials), {
      mode: 0o600,
    });
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

async function readInput(path: string, flags: { dryRun: boolean; wait: boolean }) {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    if (flags.dryRun) (raw as Record<string, unknown>).dryRun = true;
    if (flags.wait) (raw as Record<string, unknown>).waitForJobs = true;
  }
  return raw;
}

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        wait: { type: 'boolean', default: false },
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
  const [file] = positionals;
  const timeoutSeconds = Number(values.timeout);
  if (!file || positionals.length > 1) throw new UsageError('give exactly one input file');
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1) {
    throw new UsageError('--timeout must be a whole number of seconds');
  }
  // Logs go to stdout as JSON lines: silent unless asked for, so the summary or --json stays clean.
  if (!process.env.POWERTOOLS_LOG_LEVEL) logger.setLogLevel('SILENT');
  const config = readReconcileConfig();
  const input = parseReconcileInput(
    await readInput(file, { dryRun: values['dry-run'], wait: values.wait }),
    config.maxItems,
  );
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
