/**
 * The benchmark builds what the deploy builds: serverless.yml's `exclude` reaches the bench's
 * bundles too, so its cold-start figures are those of the deployed code.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltBundle, bundle, deployedOptions, ROOT } from '../../bench/support/build.js';

let dir: string;
let deployed: BuiltBundle;
let withDeadCode: BuiltBundle;

beforeAll(async () => {
  // Prepare
  dir = await mkdtemp(join(tmpdir(), 'sdrs-bff-bench-build-'));
  const options = deployedOptions(await readFile(join(ROOT, 'serverless.yml'), 'utf8'));
  const entry = 'handlers/create-protection-group.ts';
  deployed = await bundle(entry, join(dir, 'create.mjs'), options);
  withDeadCode = await bundle(entry, join(dir, 'dead-code.mjs'), options, { keepExcluded: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the bench's create bundle", () => {
  it('leaves out what serverless.yml excludes, and the what-if puts it back', () => {
    // Assess
    const packages = (built: BuiltBundle) => built.parts.map(([name]) => name);
    expect(packages(deployed)).not.toContain('web-streams-polyfill');
    expect(packages(withDeadCode)).toContain('web-streams-polyfill');
    expect(deployed.bytes).toBeLessThan(withDeadCode.bytes - 60 * 1024);
  });

  it('carries no AWS SDK', () => {
    // Assess
    const sdk = deployed.parts.filter(([name]) => /^@(aws-sdk|smithy)\//.test(name));
    expect(sdk).toEqual([]);
  });
});
