/** Prints the problem catalogue as the Markdown table kept in the README (`npx tsx scripts/problem-table.ts`). */
import { type ProblemCode, problemCatalogue, problemSlug } from '../lib/problems/catalogue.js';
import { PROBLEM_RECIPES } from './problem-recipes.js';

console.log(
  '| code | status | retry helps | when, and what a front end should do | see it under `npm start` |',
);
console.log('|---|---|---|---|---|');
for (const [code, entry] of Object.entries(problemCatalogue)) {
  const slug = problemSlug(code as ProblemCode);
  console.log(
    `| \`${code}\` <a id="${slug}"></a> | ${entry.status} | ${entry.retryable ? 'yes' : 'no'} | ${entry.guidance} | ${PROBLEM_RECIPES[code as ProblemCode]} |`,
  );
}
