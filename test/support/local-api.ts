import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on loopback (asked from the OS, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `npm start` as a child process: its local gateway and serverless-offline, with the simulator. */
export interface LocalApi {
  readonly url: string;
  /** The embedded simulator, whose fault toggles are at `/_simulator/faults`. */
  readonly simulatorUrl: string;
  /** The note this stack writes for other local commands (`LOCAL_STACK_FILE`), in a temp folder. */
  readonly stackFile: string;
  /** The ticketing simulator `npm start` points the example sources at. */
  readonly ticketingUrl: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/** Starts `scripts/start-local.ts` on free ports and waits until its local gateway is ready. */
export async function startLocalApi(extraEnv: Record<string, string> = {}): Promise<LocalApi> {
  const [port, simulatorPort, dynamoPort, ticketingPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  let output = '';
  const stackFile = join(mkdtempSync(join(tmpdir(), 'local-api-')), 'stack.json');
  const child: ChildProcess = spawn('npx', ['tsx', 'scripts/start-local.ts'], {
    env: {
      ...process.env,
      LOCAL_STACK_FILE: stackFile,
      PORT: String(port),
      SIMULATOR_PORT: String(simulatorPort),
      DYNALITE_PORT: String(dynamoPort),
      TICKETING_PORT: String(ticketingPort),
      LOCAL_S3_PORT: '0', // a free one
      AWS_ENDPOINT_URL_S3: '',
      RECONCILE_BUCKET: '',
      SDRS_ENDPOINT: '',
      SDRS_PROJECT_ID: '',
      SDRS_SECRET_FILE: '',
      SDRS_SECRET_ID: '',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`offline did not start:\n${output}`)), 90_000);
    const append = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Local API ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start-local exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    simulatorUrl: `http://127.0.0.1:${simulatorPort}`,
    stackFile,
    ticketingUrl: `http://127.0.0.1:${ticketingPort}`,
    output: () => output,
    stop: async () => {
      /** Signals the whole group; false once no process of it is left. */
      const signalGroup = (signal: NodeJS.Signals | 0) => {
        try {
          if (child.pid) process.kill(-child.pid, signal);
          return true;
        } catch {
          return false; // the group is gone
        }
      };
      signalGroup('SIGTERM');
      // npx exits at once; the stack itself first closes what it opened (and removes its key file).
      for (let waited = 0; waited < 5_000 && signalGroup(0); waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      signalGroup('SIGKILL'); // whatever of the group ignored SIGTERM
    },
  };
}
