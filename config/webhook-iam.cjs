// The webhook function's IAM statements: the credentials secret, the idempotency table, writing
// pending-outcome records and, only when sources are enabled, GetSecretValue on exactly the
// secrets those sources read. The ids come
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

/**
 * The Secrets Manager ids the enabled sources of function `fn` read, as its deployed environment
 * says (`notifyOnly`: only sources with a `notify` block, whose secret holds the ticket system's
 * credentials). Empty when no source is enabled.
 */
async function sourceSecretIds(resolveVariable, fn, notifyOnly = false) {
  const setting = async (name) =>
    String((await resolveVariable(`self:functions.${fn}.environment.${name}`)) ?? '');
  const enabled = (await setting('WEBHOOK_ENABLED_SOURCES')).trim();
  if (enabled === '') return [];
  const settings = {};
  for (const name of ['WEBHOOK_SOURCES', 'WEBHOOK_SOURCES_FILE', 'WEBHOOK_SECRET_PREFIX']) {
    settings[name] = await setting(name);
  }
  const script = path.join(__dirname, '..', 'scripts', 'webhook-secret-ids.ts');
  try {
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', script, ...(notifyOnly ? ['--notify'] : [])],
      {
        cwd: path.join(__dirname, '..'),
        env: { PATH: process.env.PATH, WEBHOOK_ENABLED_SOURCES: enabled, ...settings },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return JSON.parse(output);
  } catch (error) {
    throw new Error(`The webhook configuration is broken:\n${String(error.stderr).trim()}`);
  }
}

/** GetSecretValue on exactly `ids`, or nothing. */
const readSecrets = (ids) =>
  ids.length === 0
    ? []
    : [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: ids.map(secretArn) }];

module.exports = async ({ resolveVariable }) => {
  const credentials = await resolveVariable('self:custom.iam.readCredentials');
  const records = await resolveVariable('self:custom.iam.useIdempotencyRecords');
  const trackOutcomes = await resolveVariable('self:custom.iam.trackOutcomes');
  // The webhook function's own settings, as deployed: what it will read is what IAM grants.
  const ids = await sourceSecretIds(resolveVariable, 'webhook');
  return [credentials, records, trackOutcomes, ...readSecrets(ids)];
};
module.exports.sourceSecretIds = sourceSecretIds;
module.exports.readSecrets = readSecrets;
