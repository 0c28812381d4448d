/** Prints the problem catalogue as the Markdown table kept in the README (`npx tsx scripts/problem-table.ts`). */
import { type ProblemCode, problemCatalogue, problemSlug } from '../lib/problems/catalogue.js';

console.log('| code | status | retry helps | when, and what a front end should do |');
console.log('|---|---|---|---|');
for (const [code, entry] of Object.entries(problemCatalogue)) {
  const slug = problemSlug(code as ProblemCode);
  console.log(
    `| \`${code}\` <a id="${slug}"></a> | ${entry.status} | ${entry.retryable ? 'yes' : 'no'} | ${entry.guidance} |`,
  );
}
