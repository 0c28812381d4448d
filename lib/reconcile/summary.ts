import { type ItemProblem, OUTCOMES, type ReportEntry, type RunReport } from './report.js';

/** The longest outcome name: the summary's counts line up under it. */
const OUTCOME_WIDTH = Math.max(...OUTCOMES.map((outcome) => outcome.length));

const label = (entry: ReportEntry): string =>
  `#${entry.index}${entry.name !== undefined ? ` ${entry.name}` : ''}`;

/** `1 request`, `2 requests`: the summary is read by people. */
const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const shown = (value: string | null): string => (value === null ? '(none)' : JSON.stringify(value));

function problemText(problem: ItemProblem): string {
  const upstream = problem.upstream;
  const code = upstream?.code ? ` ${upstream.code}` : '';
  return `${problem.code}${code}: ${upstream?.message ?? problem.detail ?? problem.title}`;
}

/** The lines an entry needs a look for (drift, invalid, duplicate, failures); none for routine ones. */
export function detailLines(entry: ReportEntry): string[] {
  switch (entry.outcome) {
    case 'drift':
      return entry.differences.map(
        (d) => `${label(entry)}: ${d.field} is ${shown(d.actual)}, desired ${shown(d.desired)}`,
      );
    case 'invalid':
      return entry.errors.map((e) => `${label(entry)}: ${e.pointer} ${e.detail}`);
    case 'duplicate':
      return [`${label(entry)}: repeats the name of #${entry.firstIndex}; not created twice`];
    case 'failed':
    case 'uncertain':
      return [`${label(entry)}: ${problemText(entry.problem)}`];
    case 'job-not-found':
      return [
        `${label(entry)}: SDRS knows no job ${entry.jobId} (${problemText(entry.problem)}); the next run's listing shows whether the group exists`,
      ];
    case 'running':
      return [
        `${label(entry)}: job ${entry.jobId} still running${entry.problem ? ` (${problemText(entry.problem)})` : ''}`,
      ];
    case 'deferred':
      return [
        `${label(entry)}: not attempted${entry.problem ? ` (${problemText(entry.problem)})` : ''}`,
      ];
    default:
      return [];
  }
}

/** The readable end-of-run summary the CLI prints on a terminal (the report itself is `--json`). */
export function formatSummary(report: RunReport): string {
  const seconds = (report.durationMs / 1000).toFixed(1);
  const lines = [
    `Reconcile ${report.dryRun ? '(dry run) ' : ''}${report.runId}: ${count(report.totals.items, 'entry', 'entries')} in ${seconds} s`,
    `  upstream: ${count(report.upstream.requests, 'request')}, ${report.upstream.throttled} throttled, limit ${report.upstream.ratePerSecond}/s, concurrency ${report.upstream.concurrency}`,
    ...(report.list && report.list.source !== 'inline'
      ? [
          `  list: ${report.list.source}${report.list.versionId ? ` (version ${report.list.versionId})` : ''}`,
        ]
      : []),
    '',
  ];
  for (const outcome of OUTCOMES) {
    const count = report.totals[outcome];
    if (count > 0) lines.push(`  ${outcome.padEnd(OUTCOME_WIDTH)} ${String(count).padStart(5)}`);
  }
  const details = report.items.flatMap(detailLines);
  if (details.length > 0) lines.push('', ...details.map((line) => `  ${line}`));
  if (report.problem) {
    lines.push(
      '',
      `  run problem: ${report.problem.code} ${report.problem.detail ?? report.problem.title}`,
    );
  }
  lines.push(
    '',
    report.complete
      ? 'Complete.'
      : 'INCOMPLETE: run again later; the next run lists again and creates only what is still missing.',
  );
  return `${lines.join('\n')}\n`;
}

/** One progress line: phase, done / total, current request rate. */
export function formatProgress(phase: string, done: number, total: number, rate: number): string {
  return `${phase.padEnd(6)} ${done}/${total} · ${rate} req/s`;
}
