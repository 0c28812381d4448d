import { OUTCOMES, type RunReport } from './report.js';
import { detailLines } from './summary.js';

/** Entries listed under "Needs a look" at most; the JSON report beside it has them all. */
const MAX_LISTED = 200;

/**
 * The short human summary written next to each report (`<time>-<runId>.md`): what list, when, how
 * long, complete or not, the counts, and the entries that need a look (drift, invalid,
 * duplicates, failures), capped at 200 lines.
 */
export function formatMarkdownSummary(report: RunReport, reportKey: string): string {
  const seconds = (report.durationMs / 1000).toFixed(1);
  const list = report.list
    ? `\`${report.list.source}\`${report.list.versionId ? ` (version \`${report.list.versionId}\`)` : ''}`
    : 'inline';
  const lines = [
    `# Reconcile run ${report.runId}${report.dryRun ? ' (dry run)' : ''}`,
    '',
    `- list: ${list}`,
    `- started ${report.startedAt}, took ${seconds} s`,
    `- upstream: ${report.upstream.requests} requests, ${report.upstream.throttled} throttled, limit ${report.upstream.ratePerSecond}/s`,
    report.complete
      ? '- **complete**'
      : '- **INCOMPLETE**: Lambda retries the run; each run creates only what is still missing',
  ];
  if (report.problem) {
    lines.push(
      `- run problem: \`${report.problem.code}\` ${report.problem.detail ?? ''}`.trimEnd(),
    );
    for (const error of report.problem.errors ?? []) {
      lines.push(`  - \`${error.pointer}\` ${error.detail}`);
    }
  }
  lines.push('', '| outcome | entries |', '|---|---:|');
  for (const outcome of OUTCOMES) {
    if (report.totals[outcome] > 0) lines.push(`| ${outcome} | ${report.totals[outcome]} |`);
  }
  lines.push(`| **all** | ${report.totals.items} |`);
  const details = report.items.flatMap(detailLines);
  if (details.length > 0) {
    lines.push('', '## Needs a look', '');
    for (const line of details.slice(0, MAX_LISTED)) lines.push(`- ${line}`);
    if (details.length > MAX_LISTED) lines.push(`- … ${details.length - MAX_LISTED} more`);
  }
  lines.push('', `Full report: \`${reportKey}\``);
  return `${lines.join('\n')}\n`;
}
