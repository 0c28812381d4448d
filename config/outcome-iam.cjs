// The outcome watcher's IAM statements: the credentials secret (job polls), its records (the due
// index and conditional updates), the dead-letter queue and, only for enabled sources with a
// `notify` block, GetSecretValue on exactly their secrets (the ticket systems' credentials).
const { readSecrets, sourceSecretIds } = require('./webhook-iam.cjs');

module.exports = async ({ resolveVariable }) => {
  const credentials = await resolveVariable('self:custom.iam.readCredentials');
  const ids = await sourceSecretIds(resolveVariable, 'outcomeWatcher', true);
  return [
    credentials,
    {
      Effect: 'Allow',
      Action: 'dynamodb:Query',
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['OutcomeTable', 'Arn'] }, '/index/due']] },
    },
    {
      Effect: 'Allow',
      Action: 'dynamodb:UpdateItem',
      Resource: { 'Fn::GetAtt': ['OutcomeTable', 'Arn'] },
    },
    {
      Effect: 'Allow',
      Action: 'sqs:SendMessage',
      Resource: { 'Fn::GetAtt': ['OutcomeDeadLetterQueue', 'Arn'] },
    },
    ...readSecrets(ids),
  ];
};
