/**
 * Reads `{"<function>": {"handler": "handlers/x.handler", "environment": {…}}}` on stdin, loads
 * each handler as Lambda would with that environment, and prints what its own startup check
 * (lib/startup.ts) refuses, as `{"<function>": ["problem", …]}`. `serverless deploy` runs it
 * (plugins/check-deploy.cjs), so a stage whose functions would refuse to start is never deployed.
 */
import { resolve } from 'node:path';
import { text } from 'node:stream/consumers';
import { pathToFileURL } from 'node:url';
import { ConfigurationError } from '../lib/config.js';

type Functions = Record<string, { handler: string; environment: Record<string, unknown> }>;

/**
 * A value CloudFormation fills in at deploy time (`{"Ref": "ReconcileBucket"}`) will be there:
 * it stands in as a name-shaped placeholder, so only what the stage itself gets wrong is reported.
 */
const DEPLOY_TIME_VALUE = 'resolved-at-deploy';

const asLambdaSees = (environment: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : DEPLOY_TIME_VALUE,
    ]),
  );

const functions = JSON.parse(await text(process.stdin)) as Functions;
const problems: Record<string, readonly string[]> = {};
for (const [name, { handler, environment }] of Object.entries(functions)) {
  // The check reads the environment when the module loads; the logger stays quiet here.
  process.env = {
    ...asLambdaSees(environment),
    AWS_LAMBDA_FUNCTION_NAME: name,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  };
  const file = resolve(handler.replace(/\.[^.]+$/, '.ts'));
  try {
    await import(pathToFileURL(file).href);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    problems[name] = error.problems;
  }
}
process.stdout.write(`${JSON.stringify(problems)}\n`);
