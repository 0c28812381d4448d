import { spawn } from 'node:child_process';

/** What a finished command left: its exit code and everything it wrote. */
export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command as a user would type it, in the repository, with this process's environment
 * minus every variable whose name starts with one of `clearPrefixes`, plus `env`.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
  clearPrefixes: readonly string[] = ['SDRS_'],
): Promise<ProcessResult> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !clearPrefixes.some((p) => name.startsWith(p))),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: process.cwd(),
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
