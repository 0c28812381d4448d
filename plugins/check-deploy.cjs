// `serverless deploy` refuses a stage that could not work, before anything reaches AWS:
// - a function whose own startup check (lib/startup.ts) would refuse to start with the stage's
//   environment (e.g. sdrsEndpoint or sdrsProjectId unset): scripts/startup-problems.ts loads
//   every handler with its resolved environment, so the rules are the functions' own;
// - the JWT issuer still the placeholder (every front-end call would get 401);
// `serverless package` is not checked: it must work on a fresh clone with the defaults.
// Listed after build-validators.cjs: loading the handlers needs the generated validators.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

function startupProblems(service, root) {
  const functions = Object.fromEntries(
    Object.entries(service.functions ?? {}).map(([name, fn]) => [
      name,
      {
        handler: fn.handler,
        environment: { ...service.provider.environment, ...fn.environment },
      },
    ]),
  );
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join('scripts', 'startup-problems.ts')],
    { cwd: root, input: JSON.stringify(functions), encoding: 'utf8' },
  );
  // One line per problem, naming the functions it stops (most share their settings).
  const stopped = new Map();
  for (const [name, problems] of Object.entries(JSON.parse(output))) {
    for (const problem of problems) stopped.set(problem, [...(stopped.get(problem) ?? []), name]);
  }
  return [...stopped].map(([problem, names]) => `${problem} (${names.join(', ')})`);
}

function problemsOf(service, root) {
  const problems = startupProblems(service, root);
  const issuer = String(service.provider.httpApi?.authorizers?.jwt?.issuerUrl ?? '');
  if (!URL.canParse(issuer) || new URL(issuer).hostname.endsWith('.invalid')) {
    problems.push('jwtIssuerUrl is not set (still the placeholder)');
  }
  return problems;
}

class CheckDeploy {
  constructor(serverless) {
    this.hooks = {
      'before:package:initialize': () => {
        if (serverless.processedInput.commands[0] !== 'deploy') return;
        const problems = problemsOf(serverless.service, serverless.config.servicePath);
        if (problems.length === 0) return;
        throw new serverless.classes.Error(
          `Not deploying stage "${serverless.service.provider.stage}":\n  - ${problems.join('\n  - ')}\n` +
            'Set them in params.<stage> of serverless.yml or with --param="name=value"; the README (Deploy,\n' +
            '"Set the parameters") names the parameter of each variable, e.g. sdrsEndpoint for SDRS_ENDPOINT.',
        );
      },
    };
  }
}

module.exports = CheckDeploy;
