/**
 * The generated document passes Spectral (`spectral:oas`) and Redocly (`recommended`) with zero
 * errors and zero warnings, under the committed rulesets (.spectral.yaml, redocly.yaml): what a
 * front-end developer's tooling reports first.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../lib/openapi/document.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);
// No update check or usage report from the CLIs: tests run offline.
const quiet = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

interface Finding {
  readonly rule: string;
  readonly severity: string;
  readonly where: string;
  readonly message: string;
}

/** Spectral's findings (`-f json`; severity 0 = error, 1 = warning, 2 = info, 3 = hint). */
async function spectral(file: string): Promise<Finding[]> {
  const { stdout } = await run(
    bin('spectral'),
    [
      'lint',
      file,
      '-r',
      join(root, '.spectral.yaml'),
      '-f',
      'json',
      '--fail-severity',
      'hint',
      '-q',
    ],
    { env: quiet, cwd: root },
  ).catch((failed: { stdout?: string }) => ({ stdout: failed.stdout ?? '' }));
  const results = JSON.parse(stdout.slice(stdout.indexOf('['))) as {
    code: string;
    severity: number;
    path: string[];
    message: string;
  }[];
  return results.map((r) => ({
    rule: r.code,
    severity: ['error', 'warning', 'info', 'hint'][r.severity] ?? String(r.severity),
    where: r.path.join('.'),
    message: r.message,
  }));
}

/** Redocly's findings (`--format json`). */
async function redocly(file: string): Promise<Finding[]> {
  const { stdout } = await run(
    bin('redocly'),
    ['lint', file, '--config', join(root, 'redocly.yaml'), '--format', 'json'],
    { env: quiet, cwd: root },
  ).catch((failed: { stdout?: string }) => ({ stdout: failed.stdout ?? '' }));
  const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
    problems: {
      ruleId: string;
      severity: string;
      message: string;
      location: { pointer: string }[];
    }[];
  };
  return report.problems.map((p) => ({
    rule: p.ruleId,
    severity: p.severity,
    where: p.location[0]?.pointer ?? '',
    message: p.message,
  }));
}

describe('the OpenAPI document under the linters front-end developers run', () => {
  let dir: string;
  let documentFile: string;
  let doctoredFile: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sdrs-bff-lint-'));
    documentFile = join(dir, 'openapi.json');
    doctoredFile = join(dir, 'doctored.json');
    const doc = buildOpenApiDocument() as {
      servers: unknown;
      info: { contact: unknown };
      tags: { name: string }[];
    };
    await writeFile(documentFile, JSON.stringify(doc, null, 2));
    // What the document looked like before: no servers, no contact, an undescribed tag.
    const { servers: _, info, tags, ...rest } = doc;
    const { contact: __, ...bareInfo } = info;
    const [first, ...others] = tags;
    await writeFile(
      doctoredFile,
      JSON.stringify({ ...rest, info: bareInfo, tags: [{ name: first?.name }, ...others] }),
    );
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('Spectral spectral:oas: zero errors, zero warnings', async () => {
    // Act
    const findings = await spectral(documentFile);

    // Assess
    expect(findings).toEqual([]);
  });

  it('Redocly recommended: zero errors, zero warnings', async () => {
    // Act
    const findings = await redocly(documentFile);

    // Assess
    expect(findings).toEqual([]);
  });

  it('both report what a document without servers, contact or tag descriptions lacks', async () => {
    // Act
    const [bySpectral, byRedocly] = await Promise.all([
      spectral(doctoredFile),
      redocly(doctoredFile),
    ]);

    // Assess
    expect(bySpectral.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['oas3-api-servers', 'info-contact']),
    );
    expect(byRedocly.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['no-empty-servers', 'tag-description']),
    );
  });
});
