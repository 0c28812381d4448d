// `serverless deploy` refuses a stage that could not work, before anything reaches AWS: the
// upstream endpoint and project unset (every function would refuse to start), the JWT issuer
// still the placeholder (every front-end call would get 401), or a live reconcile schedule fed
// the example list (it would create the example's protection groups). `serverless package` is
// not checked: it must work on a fresh clone with the defaults.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const EXAMPLE_INPUT = path.join('examples', 'reconcile', 'desired.json');

function problemsOf(service, root) {
  const problems = [];
  const env = service.provider.environment ?? {};
  for (const [param, name] of [
    ['sdrsEndpoint', 'SDRS_ENDPOINT'],
    ['sdrsProjectId', 'SDRS_PROJECT_ID'],
  ]) {
    if (!String(env[name] ?? '').trim()) problems.push(`${param} is not set`);
  }
  if (env.SDRS_ENDPOINT && !URL.canParse(env.SDRS_ENDPOINT)) {
    problems.push(`sdrsEndpoint is not a URL: "${env.SDRS_ENDPOINT}"`);
  }
  const issuer = String(service.provider.httpApi?.authorizers?.jwt?.issuerUrl ?? '');
  if (!URL.canParse(issuer) || new URL(issuer).hostname.endsWith('.invalid')) {
    problems.push('jwtIssuerUrl is not set (still the placeholder)');
  }
  const schedule = service.functions?.reconcile?.events?.find((event) => event.schedule)?.schedule;
  if (schedule?.enabled === true) {
    const example = JSON.parse(readFileSync(path.join(root, EXAMPLE_INPUT), 'utf8'));
    if (JSON.stringify(schedule.input) === JSON.stringify(example)) {
      problems.push(
        `reconcileScheduleEnabled with the example list (${EXAMPLE_INPUT}): set reconcileInputFile`,
      );
    }
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
            'Set them in params.<stage> of serverless.yml or with --param="name=value" (README, Deploy).',
        );
      },
    };
  }
}

module.exports = CheckDeploy;
