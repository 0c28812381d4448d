/**
 * Prism's validating proxy (`prism proxy`) in front of `npm start`: every answer that passes
 * through it is checked against the OpenAPI document, and what does not match is reported in the
 * `sl-violations` header. What a front-end developer sees when they put Prism between their UI
 * and the API.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One violation as Prism reports it. */
export interface Violation {
  readonly location: string[];
  readonly severity: string;
  readonly code: string | number;
  readonly message: string;
}

export interface PrismProxy {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `prism proxy` on `port` for the document `apiUrl` serves, forwarding to `apiUrl`. */
export async function startPrismProxy(apiUrl: string, port: number): Promise<PrismProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'prism-'));
  const documentFile = join(dir, 'openapi.json');
  await writeFile(documentFile, await (await fetch(`${apiUrl}/openapi.json`)).text());
  const child: ChildProcess = spawn(
    'node_modules/.bin/prism',
    ['proxy', documentFile, apiUrl, '--port', String(port), '--host', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism did not start:\n${output}`)), 60_000);
    const append = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    child.once('exit', (code) => reject(new Error(`prism exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}

/** The violations Prism found in one exchange, split by where. */
export function violationsOf(response: Response): { request: Violation[]; response: Violation[] } {
  const found = JSON.parse(response.headers.get('sl-violations') ?? '[]') as Violation[];
  return {
    request: found.filter((v) => v.location[0] === 'request'),
    response: found.filter((v) => v.location[0] !== 'request'),
  };
}
