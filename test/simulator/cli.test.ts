import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SdrsSimulator } from '../../simulator/index.js';
import { send } from './client.js';

let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

function waitForOutput(proc: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no match in: ${out}`)), 15_000);
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    proc.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

describe('simulator CLI', () => {
  it('starts, writes the secret file, serves signed requests and stops on SIGTERM', async () => {
    // Prepare
    const secretFile = join(mkdtempSync(join(tmpdir(), 'sdrs-sim-')), 'secret.json');
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'simulator/cli.ts', '--port', '0', '--secret-file', secretFile],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
    );

    // Act
    const out = await waitForOutput(child, /credentials: .*\n/);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? '';
    const projectId = /project id: ([0-9a-f]{32})/.exec(out)?.[1] ?? '';
    const credentials = JSON.parse(readFileSync(secretFile, 'utf8')) as { ak: string; sk: string };
    const remote = { url, projectId, credentials } as SdrsSimulator;
    const res = await send(remote, { path: '/active-domains' });
    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');

    // Assess
    expect(res.status).toBe(200);
    expect(Object.keys(credentials).sort()).toEqual(['ak', 'sk']);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    expect(await exited).toBe(0);
  }, 20_000);
});
