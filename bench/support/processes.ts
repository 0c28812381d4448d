/**
 * Child processes of the benchmark: every phase runs in its own fresh Node process (a cold
 * "container"), talks to the parent over IPC and writes its logs to /dev/null, as a Lambda's
 * stdout is not the benchmark's table.
 */
import { type ChildProcess, fork } from 'node:child_process';

export interface WorkerOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly execArgv?: readonly string[];
  /** Keep the child's stdout/stderr (for the simulator host's errors); default ignored. */
  readonly inheritStderr?: boolean;
}

/** A started child plus the first `{ type: 'result' }` message it sends. */
export interface Worker<T> {
  readonly child: ChildProcess;
  readonly result: Promise<T>;
  /** Milliseconds from spawn to exit, once it exited. */
  readonly exited: Promise<number>;
}

/** Starts `file` in a fresh Node process with an IPC channel. */
export function startWorker<T>(file: string, options: WorkerOptions = {}): Worker<T> {
  const started = performance.now();
  const child = fork(file, [], {
    env: options.env ?? process.env,
    execArgv: [...(options.execArgv ?? [])],
    stdio: ['ignore', 'ignore', options.inheritStderr ? 'inherit' : 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<number>((resolve) => {
    child.once('exit', () => resolve(performance.now() - started));
  });
  const result = new Promise<T>((resolve, reject) => {
    child.on('message', (message: { type?: string; value?: T; error?: string }) => {
      if (message.type === 'result') resolve(message.value as T);
      if (message.type === 'error') reject(new Error(`${file}: ${message.error}`));
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`${file} exited (${code ?? signal}) without a result\n${stderr}`)),
    );
  });
  return { child, result, exited };
}

/** Runs a worker to completion and returns its result (waiting for the exit as well). */
export async function runWorker<T>(file: string, options: WorkerOptions = {}): Promise<T> {
  const worker = startWorker<T>(file, options);
  const value = await worker.result;
  await worker.exited;
  return value;
}

/** Request/answer over an IPC channel, matched by id. */
export class Rpc {
  #next = 0;
  readonly #pending = new Map<number, (value: unknown) => void>();

  constructor(private readonly child: ChildProcess) {
    child.on('message', (message: { id?: number; value?: unknown }) => {
      if (message.id === undefined) return;
      this.#pending.get(message.id)?.(message.value);
      this.#pending.delete(message.id);
    });
  }

  call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.#next;
    return new Promise<T>((resolve) => {
      this.#pending.set(id, resolve as (value: unknown) => void);
      this.child.send({ id, command, ...args });
    });
  }
}

/** In a worker: sends the result to the parent, then exits once it is delivered. */
export function reportResult(value: unknown): void {
  if (!process.send) {
    process.stderr.write(`${JSON.stringify(value)}\n`);
    process.exit(0);
  }
  process.send({ type: 'result', value }, () => process.exit(0));
}

/** In a worker: reports a failure to the parent and exits non-zero. */
export function reportFailure(error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (!process.send) {
    process.stderr.write(`${text}\n`);
    process.exit(1);
  }
  process.send({ type: 'error', error: text }, () => process.exit(1));
}
