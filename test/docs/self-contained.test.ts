import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A clone of this repository is all a reader has: no sibling folders, no team notes, no issue
 * tracker. This test reads every tracked text file and fails on anything that points outside it.
 */
const root = resolve(import.meta.dirname, '../..');

/** Tracked files (what a clone holds), minus the lockfile (registry URLs only). */
function trackedTextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  return listed
    .split('\0')
    .filter((file) => file !== '' && file !== 'package-lock.json')
    .filter((file) => existsSync(join(root, file)))
    .filter((file) => !/\.(png|jpe?g|gif|ico|zip|gz)$/i.test(file));
}

/**
 * Names of the team folder and of documents that live only outside the repository. They are put
 * together from pieces so that this file, which is scanned like every other, names none of them.
 */
const teamFolder = ['sha', 'red'].join('');
const outsideNames = [
  ...['design', 'sdrs-api', 'huawei-signing'].map((name) => `${name}.md`),
  ['stack', 'notes'].join('-'),
  ['bff', 'anchors'].join('-'),
];
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Relative paths written in a file, e.g. `../x/y` in an import, a link or a shell line. */
const relativePath = /(?<=^|[\s'"`(=:,[])((?:\.\.\/)+[\w@.-][\w@./-]*|\.\.(?=['"`)\s]))/gm;
/** The build machines' folders beside the clone (team notes, tool library, mirrors). */
const machinePath = new RegExp(`/work/(?:${teamFolder}|\\.library|\\.mirror)\\b`);
/** Documents and trackers that exist only outside the repository. */
const outsideDocument = new RegExp(
  [
    `\\b${teamFolder}/(?:reference|seed|design)`,
    ...outsideNames.map((name) => `\\b${escapeRegExp(name)}\\b`),
    '\\bissues? #?\\d+\\b',
  ].join('|'),
  'i',
);
/** Markdown links to a relative target: `[text](target)`. */
const markdownLink = /\]\((?!https?:|mailto:|#)([^)\s#]+)(?:#[^)\s]*)?\)/g;

function findings(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const problems: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    for (const [token] of line.matchAll(relativePath)) {
      const target = resolve(root, dirname(file), token);
      if (target !== root && !target.startsWith(root + sep))
        problems.push(`${where} leaves the repository: ${token}`);
    }
    if (machinePath.test(line)) problems.push(`${where} names a path on one machine`);
    const named = outsideDocument.exec(line);
    if (named) problems.push(`${where} refers to "${named[0]}", which is not in the repository`);
    if (file.endsWith('.md')) {
      for (const [, target] of line.matchAll(markdownLink)) {
        if (target && !existsSync(resolve(root, dirname(file), target)))
          problems.push(`${where} links to ${target}, which does not exist`);
      }
    }
  });
  return problems;
}

describe('the repository stands alone', () => {
  it('has no tracked file that refers to anything outside it', () => {
    // Prepare
    const files = trackedTextFiles();

    // Act
    const problems = files.flatMap(findings);

    // Assess
    expect(files.length).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('notices a reference outside the tree (the check itself works)', () => {
    // Prepare
    const samples = [
      `const v = '../${teamFolder}/reference/vectors.json'`,
      `see ${outsideNames[0]} §4`,
      `as ${outsideNames[3]} says`,
      `added for ${'issue'} 7`,
      `import x from '${'../'.repeat(3)}elsewhere/x.js'`,
    ];

    // Act
    const caught = samples.filter(
      (line) =>
        outsideDocument.test(line) ||
        [...line.matchAll(relativePath)].some(([token]) => {
          const target = resolve(root, 'test/unit', token);
          return !target.startsWith(root + sep);
        }),
    );

    // Assess
    expect(caught).toEqual(samples);
  });
});
