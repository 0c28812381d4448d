import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
};

export interface Resource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
}

export interface Packaged {
  /** The folder holding the template and one zip per function. */
  readonly dir: string;
  readonly resources: Record<string, Resource>;
  /** Whether `serverless package` ran in a namespace without any network. */
  readonly offline: boolean;
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

/**
 * Runs `serverless package` as a newcomer would on a fresh clone: no AWS credentials, no profile
 * and (where the kernel allows it) no network at all, only with the given stage and `--param`s.
 */
export async function packageService(
  stage: string,
  params: Readonly<Record<string, string>> = {},
): Promise<Packaged> {
  const dir = await mkdtemp(join(tmpdir(), `sdrs-bff-package-${stage}-`));
  // Its own esbuild folder: other test files run `serverless offline` from the same tree.
  const workFolder = `.esbuild-package-${process.pid}-${stage}`;
  // A clean shell: nothing of this process's settings (or AWS credentials) leaks into the template.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ESBUILD_WORK_FOLDER: workFolder,
  };
  const args = [
    'serverless',
    'package',
    '--stage',
    stage,
    '--package',
    dir,
    ...Object.entries(params).map(([key, value]) => `--param=${key}=${value}`),
  ];
  try {
    if (canCutNetwork) await run('unshare', ['-rn', 'npx', ...args], { env, timeout: 240_000 });
    else await run('npx', args, { env, timeout: 240_000 });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(workFolder, { recursive: true, force: true });
  }
  const template = JSON.parse(
    await readFile(join(dir, 'cloudformation-template-update-stack.json'), 'utf8'),
  );
  return { dir, resources: template.Resources, offline: canCutNetwork };
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
