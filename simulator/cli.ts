/**
 * Standalone SDRS simulator.
 *
 *   tsx simulator/cli.ts [--port 4010] [--secret-file PATH] [--project-id HEX32]
 *                        [--job-step-ms MS] [--rate-limit N]
 *
 * Prints the base URL, the project id and where the credentials are; with `--secret-file` writes
 * `{"ak","sk"}` there (mode 0600) — the same shape as the BFF's `SDRS_SECRET_FILE`.
 * Stops on SIGINT/SIGTERM.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSimulator } from './index.js';

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      'secret-file': { type: 'string' },
      'project-id': { type: 'string' },
      'job-step-ms': { type: 'string' },
      'rate-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(
      'usage: tsx simulator/cli.ts [--port 4010] [--secret-file PATH] [--project-id HEX32] ' +
        '[--job-step-ms MS] [--rate-limit N]\n',
    );
    return;
  }
  const sim = await startSimulator({
    port: numberOption(values.port, 'port'),
    projectId: values['project-id'],
    jobStepMs: numberOption(values['job-step-ms'], 'job-step-ms'),
    rateLimitPerSecond: numberOption(values['rate-limit'], 'rate-limit'),
  });
  const secretFile = values['secret-file'];
  let where = 'built-in defaults (DEFAULT_AK / DEFAULT_SK in simulator/index.ts)';
  if (secretFile !== undefined) {
    const path = resolve(secretFile);
    const { ak, sk } = sim.credentials;
    writeFileSync(path, `${JSON.stringify({ ak, sk })}\n`, { mode: 0o600 });
    where = `file ${path}`;
  }
  process.stdout.write(
    `SDRS simulator listening on ${sim.url}\nproject id: ${sim.projectId}\ncredentials: ${where}\n`,
  );
  const stop = (signal: string): void => {
    process.stdout.write(`received ${signal}, stopping\n`);
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
