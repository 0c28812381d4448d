/**
 * The running `npm start` stack, as other local commands need to find it: `npm start` writes
 * where its upstream is (never a secret, only the path of the credentials file) and removes the
 * note when it stops; `npm run reconcile` reads it so that it acts on the same simulator the API
 * serves, instead of starting an empty one of its own.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writePrivateFile } from './private-file.js';

/** What `npm start` tells the other local commands about itself. */
export interface LocalStack {
  /** Process id of `npm start` (its note is ignored once that process is gone). */
  readonly pid: number;
  /** The local HTTP API. */
  readonly apiUrl: string;
  /** The upstream the API uses, and whether it is the embedded simulator. */
  readonly sdrsEndpoint: string;
  readonly sdrsProjectId: string;
  readonly upstream: 'simulator' | 'SDRS_ENDPOINT';
  /** Where the functions read the upstream credentials: a file path or a secret id, never the keys. */
  readonly sdrsSecretFile?: string;
  readonly sdrsSecretId?: string;
  /** The local S3 (its endpoint), the reconcile bucket and the example list's key in it. */
  readonly s3Endpoint?: string;
  readonly reconcileBucket?: string;
  readonly reconcileListKey?: string;
}

/** Path of the note: `LOCAL_STACK_FILE`, by default `.local/stack.json` in the working directory. */
export function localStackFile(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.LOCAL_STACK_FILE || '.local/stack.json');
}

/** Writes the note (mode 600 in a 700 folder, like every file under `.local/`). */
export async function announceLocalStack(
  stack: LocalStack,
  env: NodeJS.ProcessEnv = process.env,
): Promise<() => Promise<void>> {
  const file = localStackFile(env);
  await writePrivateFile(file, `${JSON.stringify(stack, null, 2)}\n`);
  return () => rm(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running stack's note, or `undefined` when there is none or its process has ended. */
export function runningLocalStack(env: NodeJS.ProcessEnv = process.env): LocalStack | undefined {
  let stack: LocalStack;
  try {
    stack = JSON.parse(readFileSync(localStackFile(env), 'utf8')) as LocalStack;
  } catch {
    return undefined;
  }
  const complete =
    Number.isInteger(stack.pid) &&
    typeof stack.sdrsEndpoint === 'string' &&
    typeof stack.sdrsProjectId === 'string';
  return complete && isAlive(stack.pid) ? stack : undefined;
}
