import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ProblemCode, problemCatalogue } from '../../lib/problems/catalogue.js';
import { PROBLEM_RECIPES } from '../../scripts/problem-recipes.js';
import { parseToggle } from '../../simulator/control.js';

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory())
      return name === 'generated' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The prefixes of this service's own settings (AWS_*, POWERTOOLS_* are the platform's). */
const SETTING_NAME =
  /^(SDRS|IDEMPOTENCY|CORS|AUTH|JWT|PROBLEM|WEBHOOK|RECONCILE|OUTCOME|JIRA|SERVICENOW|LOCAL)_/;

/** Settings the deployed code reads from the environment (problem codes are not settings). */
function settingsReadByDeployedCode(): Set<string> {
  const names = new Set<string>();
  for (const file of [...sourceFiles('lib'), ...sourceFiles('handlers')]) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const match of text.matchAll(
      /\benv(?:\?)?\.([A-Z][A-Z0-9_]+)|env\[['"]([A-Z][A-Z0-9_]+)['"]\]|'([A-Z][A-Z0-9_]{4,})'\)|\(\s*env,\s*'([A-Z][A-Z0-9_]+)'/g,
    )) {
      const name = match[1] ?? match[2] ?? match[3] ?? match[4];
      if (name && name in problemCatalogue) continue;
      if (name && SETTING_NAME.test(name)) names.add(name);
    }
  }
  return names;
}

describe('README stays true', () => {
  it.each(Object.entries(problemCatalogue))('documents %s with its status', (code, entry) => {
    // Assess
    expect(readme).toMatch(new RegExp(`\\| \`${code}\` [^|]*\\|\\s*${entry.status}\\s*\\|`));
  });

  it.each(Object.keys(problemCatalogue))('says how to see %s under npm start', (code) => {
    // Prepare
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${code}\` `)) ?? '';

    // Assess
    expect(row.trimEnd()).toMatch(/\|$/);
    expect(row).toContain(`| ${PROBLEM_RECIPES[code as ProblemCode]} |`);
  });

  it('names only toggles the simulator accepts', () => {
    // Prepare
    const toggles = Object.values(PROBLEM_RECIPES).flatMap((recipe) =>
      [...recipe.matchAll(/toggle `(\{[^`]*\})`/g)].map((match) => match[1] ?? ''),
    );

    // Act
    const parse = () => toggles.map((toggle) => parseToggle(JSON.parse(toggle)));

    // Assess
    expect(toggles.length).toBeGreaterThanOrEqual(8);
    expect(parse).not.toThrow();
  });

  it('documents every environment variable the deployed code reads', () => {
    // Prepare
    const names = settingsReadByDeployedCode();

    // Assess
    const undocumented = [...names].filter(
      (name) => !readme.includes(name) && !readme.includes(`${name.split('_')[0]}_*`),
    );
    expect(undocumented).toEqual([]);
  });

  it('passes every setting the deployed code reads through serverless.yml', () => {
    // Prepare
    const serverless = readFileSync(join(root, 'serverless.yml'), 'utf8');

    // Act
    const passed = new Set([...serverless.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map(([, n]) => n));

    // Assess: a setting a deployer cannot set would be "fixed" without saying so.
    expect([...settingsReadByDeployedCode()].filter((name) => !passed.has(name))).toEqual([]);
  });

  it('shows the two commands', () => {
    // Assess
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });

  it('quotes benchmark figures only as docs/benchmarks.md records them', () => {
    // Prepare
    const benchmarks = readFileSync(join(root, 'docs/benchmarks.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Benchmarks'),
      readme.indexOf('\n## ', readme.indexOf('## Benchmarks') + 1),
    );
    const rows = section
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('|---'));

    // Assess
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.filter((row) => !benchmarks.includes(row))).toEqual([]);
  });

  it('states the Lambda runtime as serverless.yml sets it, and nowhere another one', () => {
    // Prepare
    const serverless = readFileSync(join(root, 'serverless.yml'), 'utf8');
    const runtime = /^\s+runtime: (nodejs\d+\.x)$/m.exec(serverless)?.[1];
    const documents = ['README.md', 'docs/CONTRIBUTING.md'].map((file) =>
      readFileSync(join(root, file), 'utf8'),
    );

    // Assess
    expect(runtime).toBeDefined();
    expect(readme).toContain(`\`${runtime}\``);
    for (const text of documents) {
      const others = [...text.matchAll(/nodejs\d+\.x|Node(?:\.js)? 2[1-9]\b/g)].map(([m]) => m);
      expect(others.filter((found) => found !== runtime)).toEqual([]);
    }
  });
});
