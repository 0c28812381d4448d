// The webhook function's IAM statements: the credentials secret, the idempotency table and, only
// when sources are enabled, GetSecretValue on exactly the secrets those sources read. The ids come
// from scripts/webhook-secret-ids.ts, i.e. the function's own configuration code, so the policy
// cannot drift from what the function will ask for.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

// A name gets Secrets Manager's 6-character suffix pattern; a full ARN is taken as it is.
const secretArn = (id) =>
  id.startsWith('arn:')
    ? id
    : {
        'Fn::Sub': `arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:${id}-??????`,
      };

module.exports = async ({ resolveVariable }) => {
  const credentials = await resolveVariable('self:custom.iam.readCredentials');
  const records = await resolveVariable('self:custom.iam.useIdempotencyRecords');
  // The webhook function's own settings, as deployed: what it will read is what IAM grants.
  const setting = async (name) =>
    String((await resolveVariable(`self:functions.webhook.environment.${name}`)) ?? '');
  const enabled = (await setting('WEBHOOK_ENABLED_SOURCES')).trim();
  if (enabled === '') return [credentials, records];
  const settings = {};
  for (const name of ['WEBHOOK_SOURCES', 'WEBHOOK_SOURCES_FILE', 'WEBHOOK_SECRET_PREFIX']) {
    settings[name] = await setting(name);
  }
  let output;
  try {
    output = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '..', 'scripts', 'webhook-secret-ids.ts')],
      {
        cwd: path.join(__dirname, '..'),
        env: { PATH: process.env.PATH, WEBHOOK_ENABLED_SOURCES: enabled, ...settings },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  } catch (error) {
    throw new Error(`The webhook configuration is broken:\n${String(error.stderr).trim()}`);
  }
  const ids = JSON.parse(output);
  return [
    credentials,
    records,
    { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: ids.map(secretArn) },
  ];
};
