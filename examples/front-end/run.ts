/**
 * Runs the front-end flow once and prints its report as one JSON line:
 *   npx tsx examples/front-end/run.ts [http://localhost:3000] [group-name]
 * An access token, if the API needs one, comes from `ACCESS_TOKEN`.
 */
import { runFrontEndFlow } from './flow.js';

const baseUrl = process.argv[2] ?? 'http://localhost:3000';
const name = process.argv[3] ?? `pg-example-${Date.now().toString(36)}`;
const report = await runFrontEndFlow(baseUrl, name, process.env.ACCESS_TOKEN);
process.stdout.write(`${JSON.stringify(report)}\n`);
