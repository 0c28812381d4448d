import { describe, expect, it } from 'vitest';
import { formatMarkdownSummary } from '../../lib/reconcile/markdown.js';
import { countOutcomes, type ReportEntry, type RunReport } from '../../lib/reconcile/report.js';
import { listFormatOf, parseListText } from '../../lib/reconcile/store/desired-list.js';

/** A validation error's pointers and details, or the value when it parsed. */
function outcome(text: string, format: 'json' | 'yaml') {
  try {
    return { value: parseListText(text, format) };
  } catch (error) {
    return { errors: (error as { errors?: unknown }).errors };
  }
}

describe('desired list text', () => {
  it('tells JSON from YAML by the key, then the content type', () => {
    // Assess
    expect(listFormatOf('lists/a.json')).toBe('json');
    expect(listFormatOf('lists/a.YML')).toBe('yaml');
    expect(listFormatOf('lists/a', 'application/json')).toBe('json');
    expect(listFormatOf('lists/a')).toBe('yaml');
  });

  it('reads YAML with merge keys and a byte-order mark', () => {
    // Act
    const parsed = outcome(
      '\ufeffx-d: &d {a: 1}\nprotectionGroups:\n  - <<: *d\n    name: n\n',
      'yaml',
    );

    // Assess
    expect(parsed).toEqual({
      value: { 'x-d': { a: 1 }, protectionGroups: [{ a: 1, name: 'n' }] },
    });
  });

  it('refuses broken JSON, duplicate YAML keys and an alias bomb, with pointer #', () => {
    // Prepare: six levels of nine aliases each would expand to 9^6 nodes.
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (const [prev, name] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
    ]) {
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }

    // Act
    const json = outcome('{"protectionGroups": [', 'json');
    const duplicate = outcome('protectionGroups: []\nprotectionGroups: []\n', 'yaml');
    const bomb = outcome(`${levels.join('\n')}\n`, 'yaml');

    // Assess
    expect(json.errors).toEqual([
      { pointer: '#', detail: expect.stringMatching(/^is not valid JSON: /) },
    ]);
    expect(duplicate.errors).toEqual([
      {
        pointer: '#',
        detail: expect.stringMatching(/^is not valid YAML: Map keys must be unique/),
      },
    ]);
    expect(bomb.errors).toEqual([
      { pointer: '#', detail: expect.stringMatching(/^is not valid YAML: Excessive alias count/) },
    ]);
  });
});

describe('the markdown summary saved beside each report', () => {
  it('shows the list, the counts and at most 200 entries that need a look', () => {
    // Prepare
    const items: ReportEntry[] = Array.from({ length: 250 }, (_, index) => ({
      index,
      name: `pg-${index}`,
      outcome: 'duplicate',
      firstIndex: 0,
    }));
    const report: RunReport = {
      runId: 'run-1',
      list: { source: 's3://b/lists/a.yaml', versionId: 'v1', format: 'yaml', bytes: 10 },
      dryRun: false,
      waitForJobs: false,
      startedAt: '2026-12-04T02:00:00.000Z',
      durationMs: 1500,
      complete: true,
      totals: countOutcomes(items),
      upstream: { requests: 1, throttled: 0, ratePerSecond: 10, concurrency: 4 },
      items,
    };

    // Act
    const text = formatMarkdownSummary(report, 'reports/lists/a.yaml/x.json');

    // Assess
    expect(text).toContain('- list: `s3://b/lists/a.yaml` (version `v1`)');
    expect(text).toContain('| duplicate | 250 |');
    expect(text.split('\n').filter((line) => line.startsWith('- #'))).toHaveLength(200);
    expect(text).toContain('- … 50 more');
    expect(text.trimEnd().endsWith('Full report: `reports/lists/a.yaml/x.json`')).toBe(true);
  });
});
