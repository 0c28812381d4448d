import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemCatalogue } from '../../lib/problems/catalogue.js';

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

describe('README stays true', () => {
  it.each(Object.entries(problemCatalogue))('documents %s with its status', (code, entry) => {
    // Assess
    expect(readme).toMatch(new RegExp(`\\| \`${code}\` [^|]*\\|\\s*${entry.status}\\s*\\|`));
  });

  it('documents every environment variable the deployed code reads', () => {
    // Prepare
    const names = new Set<string>();
    for (const file of [...sourceFiles('lib'), ...sourceFiles('handlers')]) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const match of text.matchAll(
        /\benv(?:\?)?\.([A-Z][A-Z0-9_]+)|env\[['"]([A-Z][A-Z0-9_]+)['"]\]|'([A-Z][A-Z0-9_]{4,})'\)/g,
      )) {
        const name = match[1] ?? match[2] ?? match[3];
        if (name && /^(SDRS|IDEMPOTENCY|CORS|AUTH|JWT|PROBLEM|WEBHOOK|RECONCILE)_/.test(name))
          names.add(name);
      }
    }

    // Assess
    const undocumented = [...names].filter(
      (name) => !readme.includes(name) && !readme.includes(`${name.split('_')[0]}_*`),
    );
    expect(undocumented).toEqual([]);
  });

  it('shows the two commands', () => {
    // Assess
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
