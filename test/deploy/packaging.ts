import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Every function of serverless.yml → its handler file under handlers/. */
export const FUNCTIONS: Record<string, string> = {
  createProtectionGroup: 'create-protection-group',
  webhook: 'webhook',
  getJob: 'get-job',
  getActiveDomains: 'get-active-domains',
  listProtectionGroups: 'list-protection-groups',
  getOpenApi: 'get-openapi',
  notFound: 'not-found',
  reconcile: 'reconcile',
  outcomeWatcher: 'outcome-watcher',
  getLatestReconcileRun: 'get-latest-reconcile-run',
};

export interface Resource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
}

export interface Packaged {
  /** The fresh clone the package was built from (removed with `discard`). */
  readonly root: string;
  /** The folder holding the template and one zip per function. */
  readonly dir: string;
  readonly resources: Record<string, Resource>;
}

/** `unshare -rn` gives a process its own empty network namespace, where the kernel allows it. */
export const canCutNetwork = (() => {
  try {
    execFileSync('unshare', ['-rn', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const repository = join(import.meta.dirname, '../..');

/**
 * The working tree as a fresh clone would have it: tracked and new files, nothing ignored (no
 * generated validators, no build folders), with this checkout's installed node_modules linked in.
 */
async function freshClone(): Promise<string> {
  const { stdout } = await run(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: repository, maxBuffer: 16 * 1024 * 1024 },
  );
  const root = await mkdtemp(join(tmpdir(), 'sdrs-bff-clone-'));
  for (const file of stdout.split('\0').filter((name) => name !== '')) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await copyFile(join(repository, file), join(root, file)).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error; // tracked but deleted in the working tree
      },
    );
  }
  await symlink(join(repository, 'node_modules'), join(root, 'node_modules'));
  return root;
}

/**
 * Runs the serverless CLI in `root` as a newcomer would: no AWS credentials, no profile and
 * (where the kernel allows it) no network at all; only `shell` adds what a deployer's shell
 * might hold. Rejects with the CLI's output when it fails.
 */
async function serverless(
  root: string,
  args: readonly string[],
  params: Readonly<Record<string, string>>,
  shell: Readonly<Record<string, string>>,
): Promise<void> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...shell };
  const all = [
    'serverless',
    ...args,
    ...Object.entries(params).map(([key, value]) => `--param=${key}=${value}`),
  ];
  const options = { cwd: root, env, timeout: 240_000 };
  if (canCutNetwork) await run('unshare', ['-rn', 'npx', ...all], options);
  else await run('npx', all, options);
}

/**
 * Runs `serverless package` right after `npm ci` on a fresh clone (nothing generated yet) with
 * the given stage, `--param`s and shell variables.
 */
export async function packageService(
  stage: string,
  params: Readonly<Record<string, string>> = {},
  shell: Readonly<Record<string, string>> = {},
): Promise<Packaged> {
  const root = await freshClone();
  const dir = join(root, '.package');
  try {
    await serverless(root, ['package', '--stage', stage, '--package', dir], params, shell);
    const template = JSON.parse(
      await readFile(join(dir, 'cloudformation-template-update-stack.json'), 'utf8'),
    );
    return { root, dir, resources: template.Resources };
  } catch (error) {
    await discard({ root });
    throw error;
  }
}

/** What `serverless deploy` prints when it stops on a fresh clone (no credentials, no network). */
export async function deployOutput(
  stage: string,
  params: Readonly<Record<string, string>>,
): Promise<string> {
  const root = await freshClone();
  try {
    await serverless(root, ['deploy', '--stage', stage], params, {});
    return 'deployed';
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return `${stdout}${stderr}`;
  } finally {
    await discard({ root });
  }
}

/** Removes a package and the clone it was built from. */
export async function discard(packaged: Pick<Packaged, 'root'> | undefined): Promise<void> {
  if (packaged) await rm(packaged.root, { recursive: true, force: true });
}

/** cfn-lint (AWS's CloudFormation linter, Python) checks templates against the resource specs. */
export const hasCfnLint = (() => {
  try {
    execFileSync('cfn-lint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** cfn-lint's findings for a template; W3005 (a redundant DependsOn the framework writes) is off. */
export async function cfnLintFindings(template: string): Promise<string> {
  try {
    await run('cfn-lint', ['--ignore-checks', 'W3005', '--', template]);
    return '';
  } catch (error) {
    return (error as { stdout?: string }).stdout || String(error);
  }
}

/** The names of the files inside a zip (via `unzip -Z1`). */
export async function zipEntries(zip: string): Promise<string[]> {
  const { stdout } = await run('unzip', ['-Z1', zip]);
  return stdout.split('\n').filter((line) => line !== '');
}

/** The IAM statements of the role a function runs with. */
export function statementsOf(
  resources: Record<string, Resource>,
  roleName: string,
): Array<{ Action: string | string[]; Resource: unknown }> {
  const policies = (resources[roleName]?.Properties.Policies ?? []) as Array<{
    PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> };
  }>;
  return policies.flatMap((policy) => policy.PolicyDocument.Statement);
}
