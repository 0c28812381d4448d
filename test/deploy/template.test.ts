import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canCutNetwork,
  cfnLintFindings,
  discard,
  FUNCTIONS,
  hasCfnLint,
  type Packaged,
  packageService,
  type Resource,
  statementsOf,
} from './packaging.js';

const ONCALL_TOPIC = 'arn:aws:sns:ap-southeast-1:123456789012:oncall';
const SCHEDULED = new Set(['reconcile', 'outcomeWatcher']);
const HTTP_FUNCTIONS = Object.keys(FUNCTIONS).filter((name) => !SCHEDULED.has(name));
/** CloudFormation's `Fn::Sub` of a path in the reconcile bucket (`${ReconcileBucket.Arn}/…`). */
const inBucket = (path: string) => ({ 'Fn::Sub': `\${ReconcileBucket.Arn}${path}` });
const logicalId = (fn: string) => `${fn[0]?.toUpperCase()}${fn.slice(1)}`;

/**
 * `serverless package` yields the whole, least-privilege stack. One file on purpose, past the
 * usual ~300 lines: packaging two stages takes most of a minute, and every assertion below reads
 * the same two packaged templates.
 */
describe(`serverless package (no AWS credentials${canCutNetwork ? ', no network' : ''})`, () => {
  let ci: Packaged;
  let prod: Packaged;
  const ofType = (packaged: Packaged, type: string) =>
    Object.values(packaged.resources).filter((r) => r.Type === type);
  const fn = (packaged: Packaged, name: string): Resource => {
    const resource = packaged.resources[`${logicalId(name)}LambdaFunction`];
    if (!resource) throw new Error(`no function ${name}`);
    return resource;
  };
  const roleOf = (packaged: Packaged, name: string) =>
    (fn(packaged, name).Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];

  beforeAll(async () => {
    // Prepare / Act: the default stage, and a production stage with its own parameters.
    [ci, prod] = await Promise.all([
      packageService('ci'),
      packageService(
        'prod',
        {
          webhookEnabledSources: 'jira-cloud,servicenow',
          jwtIssuerUrl: 'https://login.example.com/oauth2',
          jwtAudience: 'sdrs-bff-prod',
          sdrsSecretName: 'prod/sdrs-bff/credentials',
          alarmTopicArn: ONCALL_TOPIC,
        },
        // Left over from a local session: must not reach a deployed stage.
        {
          AUTH_DISABLED: 'true',
          SDRS_SECRET_FILE: '/home/dev/sdrs.json',
          WEBHOOK_SECRETS_FILE: '/home/dev/webhook-secrets.json',
          WEBHOOK_SOURCES_FILE: '/home/dev/sources.json',
        },
      ),
    ]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([ci, prod].map(discard));
  });

  it.skipIf(!hasCfnLint)(
    'yields templates that pass cfn-lint (every resource and property valid)',
    async () => {
      for (const packaged of [ci, prod]) {
        // Act
        const findings = await cfnLintFindings(
          join(packaged.dir, 'cloudformation-template-update-stack.json'),
        );

        // Assess
        expect(findings).toBe('');
      }
    },
    // cfn-lint takes ~5 s a template alone, several times that on a busy 2-core machine.
    120_000,
  );

  it('puts the JWT authorizer with the right scope on every front-end route', () => {
    // Assess
    const routes = Object.fromEntries(
      ofType(ci, 'AWS::ApiGatewayV2::Route').map((r) => [r.Properties.RouteKey, r.Properties]),
    );
    const write = ['sdrs-bff/protection-groups.write'];
    const read = ['sdrs-bff/protection-groups.read'];
    expect(routes['POST /protection-groups']).toMatchObject({
      AuthorizationType: 'JWT',
      AuthorizationScopes: write,
    });
    for (const key of [
      'GET /protection-groups',
      'GET /jobs/{jobId}',
      'GET /active-domains',
      'GET /reconcile/runs/latest',
    ]) {
      expect(routes[key]).toMatchObject({ AuthorizationType: 'JWT', AuthorizationScopes: read });
    }
    expect(routes['POST /webhooks/{source}']?.AuthorizationType).toBeUndefined();
    expect(routes['GET /openapi.json']?.AuthorizationType).toBeUndefined();
    expect(routes.$default).toBeDefined();
  });

  it("takes the authorizer's issuer and audience from the stage's parameters", () => {
    // Assess
    const [authorizer] = ofType(prod, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer?.Properties.JwtConfiguration).toEqual({
      Issuer: 'https://login.example.com/oauth2',
      Audience: ['sdrs-bff-prod'],
    });
  });

  it('runs every function on nodejs24.x arm64, sized, HTTP ones well inside the 30 s gateway limit', () => {
    // Assess
    for (const name of Object.keys(FUNCTIONS)) {
      expect(fn(ci, name).Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
      });
    }
    for (const name of HTTP_FUNCTIONS) {
      const { Timeout, Environment } = fn(ci, name).Properties as {
        Timeout: number;
        Environment: { Variables: Record<string, string> };
      };
      expect(Timeout).toBeLessThanOrEqual(20);
      // One upstream call with all its resends ends before the function would be stopped.
      if (!['getOpenApi', 'notFound', 'getLatestReconcileRun'].includes(name)) {
        expect(Number(Environment.Variables.SDRS_CALL_BUDGET_MS)).toBeLessThan(Timeout * 1000);
      }
    }
    // 5,000 creates at 10/s take ~8.5 min: Lambda's longest timeout.
    expect(fn(ci, 'reconcile').Properties.Timeout).toBe(900);
    expect(fn(ci, 'outcomeWatcher').Properties.Timeout).toBe(60);
    // Memory as measured by `npm run bench` (peak RSS ~103 MB); less where nothing calls out.
    for (const name of Object.keys(FUNCTIONS)) {
      const small = name === 'getOpenApi' || name === 'notFound';
      expect(fn(ci, name).Properties.MemorySize).toBe(small ? 128 : 256);
    }
  });

  it('gives each function a role with only the actions it needs', () => {
    // Prepare
    const actionsOf = (name: string): string[] => {
      const actions = statementsOf(ci.resources, roleOf(ci, name)).flatMap((st) => st.Action);
      return [...new Set(actions.filter((a) => !a.startsWith('logs:')))].sort();
    };
    const dynamo = [
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ];

    // Assess
    expect(actionsOf('createProtectionGroup')).toEqual(
      [...dynamo, 'secretsmanager:GetSecretValue'].sort(),
    );
    expect(actionsOf('webhook')).toEqual([...dynamo, 'secretsmanager:GetSecretValue'].sort());
    for (const name of ['getJob', 'getActiveDomains', 'listProtectionGroups']) {
      expect(actionsOf(name)).toEqual(['secretsmanager:GetSecretValue']);
    }
    expect(actionsOf('reconcile')).toEqual([
      's3:GetObject',
      's3:GetObjectVersion',
      's3:ListBucket',
      's3:PutObject',
      'secretsmanager:GetSecretValue',
      'sqs:SendMessage',
    ]);
    expect(actionsOf('getLatestReconcileRun')).toEqual(['s3:GetObject', 's3:ListBucket']);
    expect(actionsOf('outcomeWatcher')).toEqual([
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'secretsmanager:GetSecretValue',
      'sqs:SendMessage',
    ]);
    expect(actionsOf('getOpenApi')).toEqual([]);
    expect(actionsOf('notFound')).toEqual([]);
    // No role that no function assumes (the framework's shared default role is dropped).
    const roles = Object.keys(ci.resources).filter(
      (id) => ci.resources[id]?.Type === 'AWS::IAM::Role',
    );
    expect(roles.sort()).toEqual(
      Object.keys(FUNCTIONS)
        .map((name) => roleOf(ci, name))
        .sort(),
    );
  });

  it('never grants Secrets Manager or DynamoDB on "*" or on more than the named resources', () => {
    for (const packaged of [ci, prod]) {
      for (const role of ofType(packaged, 'AWS::IAM::Role')) {
        const policies = (role.Properties.Policies ?? []) as Array<{
          PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> };
        }>;
        for (const statement of policies.flatMap((p) => p.PolicyDocument.Statement)) {
          const actions = [statement.Action].flat();
          const resources = [statement.Resource].flat();
          // Assess
          if (actions.some((a) => a.startsWith('secretsmanager:'))) {
            expect(actions).toEqual(['secretsmanager:GetSecretValue']);
            for (const resource of resources) {
              // One secret each: a name followed by Secrets Manager's 6-character suffix.
              expect(JSON.stringify(resource)).toMatch(/:secret:[\w/+=.@-]+-\?{6}"}$/);
            }
          }
          if (actions.some((a) => a.startsWith('dynamodb:'))) {
            expect(actions.every((a) => !a.includes('*'))).toBe(true);
            expect(resources).toHaveLength(1);
            expect([
              { 'Fn::GetAtt': ['IdempotencyTable', 'Arn'] },
              { 'Fn::GetAtt': ['OutcomeTable', 'Arn'] },
              { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['OutcomeTable', 'Arn'] }, '/index/due']] },
            ]).toContainEqual(resources[0]);
          }
        }
      }
    }
  });

  it.each(['webhook', 'outcomeWatcher'])(
    "lets %s read exactly the enabled (notifying) sources' secrets, and none when none",
    (name) => {
      // Prepare
      const secretsOf = (packaged: Packaged) =>
        statementsOf(packaged.resources, roleOf(packaged, name))
          .filter((st) => [st.Action].flat().includes('secretsmanager:GetSecretValue'))
          .flatMap((st) => [st.Resource].flat())
          .map((resource) => (resource as { 'Fn::Sub': string })['Fn::Sub'].split(':secret:')[1]);

      // Assess
      expect(secretsOf(ci)).toEqual(['sdrs-bff/credentials-??????']);
      expect(secretsOf(prod).sort()).toEqual([
        'prod/sdrs-bff/credentials-??????',
        'sdrs-bff/webhooks/jira-cloud-??????',
        'sdrs-bff/webhooks/servicenow-??????',
      ]);
      expect(fn(prod, name).Properties.Environment).toMatchObject({
        Variables: {
          WEBHOOK_ENABLED_SOURCES: 'jira-cloud,servicenow',
          SDRS_SECRET_ID: 'prod/sdrs-bff/credentials',
          WEBHOOK_SECRETS_FILE: '',
          WEBHOOK_SOURCES_FILE: '',
        },
      });
    },
  );

  it('lets the webhook function only add outcome records, and the watcher only work on them', () => {
    // Prepare
    const statementsOn = (name: string, table: string) =>
      statementsOf(ci.resources, roleOf(ci, name)).filter((st) =>
        JSON.stringify(st.Resource).includes(table),
      );

    // Assess
    expect(statementsOn('webhook', 'OutcomeTable').flatMap((st) => st.Action)).toEqual([
      'dynamodb:PutItem',
    ]);
    expect(statementsOn('outcomeWatcher', 'OutcomeTable').flatMap((st) => st.Action)).toEqual([
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(statementsOn('outcomeWatcher', 'IdempotencyTable')).toEqual([]);
    for (const name of ['createProtectionGroup', 'getJob', 'reconcile']) {
      expect(statementsOn(name, 'OutcomeTable')).toEqual([]);
    }
  });

  it('runs the outcome watcher every minute, one at a time, over its own table and dead letters', () => {
    // Assess
    const rules = ofType(ci, 'AWS::Events::Rule').filter((rule) =>
      JSON.stringify(rule.Properties.Targets).includes('OutcomeWatcherLambdaFunction'),
    );
    expect(rules.map((rule) => rule.Properties)).toMatchObject([
      { State: 'ENABLED', ScheduleExpression: 'rate(1 minute)' },
    ]);
    expect(fn(ci, 'outcomeWatcher').Properties.ReservedConcurrentExecutions).toBe(1);
    expect(ci.resources.OutcomeTable?.Properties).toMatchObject({
      KeySchema: [{ AttributeName: 'jobId', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: [{ IndexName: 'due', Projection: { ProjectionType: 'KEYS_ONLY' } }],
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
    });
    const variables = (name: string) =>
      (fn(ci, name).Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables('outcomeWatcher')).toMatchObject({
      OUTCOME_TABLE: ci.resources.OutcomeTable?.Properties.TableName,
      OUTCOME_DEAD_LETTER_QUEUE_URL: { Ref: 'OutcomeDeadLetterQueue' },
      RECONCILE_RATE_PER_SECOND: variables('reconcile').RECONCILE_RATE_PER_SECOND,
    });
    expect(variables('webhook').OUTCOME_TABLE).toBe(variables('outcomeWatcher').OUTCOME_TABLE);
  });

  it('refuses to package when an enabled webhook source is not configured, naming it', async () => {
    // Act
    const failure = await packageService('ci', { webhookEnabledSources: 'jira-cloud,gitlab' }).then(
      () => 'packaged',
      (error: { stderr?: string; stdout?: string }) => `${error.stdout}${error.stderr}`,
    );

    // Assess
    expect(failure).toContain('The webhook configuration is broken');
    expect(failure).toContain('WEBHOOK_ENABLED_SOURCES names "gitlab", which is not configured');
  }, 120_000);

  it('declares the idempotency table on demand with TTL on the records’ expiry', () => {
    // Assess
    const table = ci.resources.IdempotencyTable;
    expect(table?.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
    });
    const { Variables } = fn(ci, 'createProtectionGroup').Properties.Environment as {
      Variables: Record<string, string>;
    };
    expect(Variables.IDEMPOTENCY_TABLE).toBe(table?.Properties.TableName);
  });

  it('schedules reconcile (off by default) with retries, then its dead-letter queue', () => {
    // Assess
    const [rule] = ofType(ci, 'AWS::Events::Rule').filter((r) =>
      JSON.stringify(r.Properties.Targets).includes('ReconcileLambdaFunction'),
    );
    expect(rule?.Properties).toMatchObject({
      State: 'DISABLED',
      ScheduleExpression: 'rate(1 hour)',
    });
    expect(rule?.Properties.Targets).toMatchObject([
      { Arn: { 'Fn::GetAtt': ['ReconcileLambdaFunction', 'Arn'] } },
    ]);
    const [invokeConfig] = ofType(ci, 'AWS::Lambda::EventInvokeConfig').filter((c) =>
      JSON.stringify(c.Properties.FunctionName).includes('Reconcile'),
    );
    expect(invokeConfig?.Properties).toMatchObject({
      FunctionName: { Ref: 'ReconcileLambdaFunction' },
      MaximumRetryAttempts: 2,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': ['ReconcileDeadLetterQueue', 'Arn'] } },
      },
    });
    expect(ci.resources.ReconcileDeadLetterQueue?.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
    });
  });

  it('keeps lists and reports in a private, versioned, encrypted, TLS-only bucket; the schedule carries only a pointer', () => {
    // Prepare
    const bucket = ci.resources.ReconcileBucket as Resource & { DeletionPolicy?: string };
    // The logical id serverless.yml's `resources.extensions` writes the pointer into.
    const rule = ci.resources.ReconcileEventsRuleSchedule1;
    const lifecycle = (bucket.Properties.LifecycleConfiguration as { Rules: unknown[] }).Rules;

    // Assess
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    expect(lifecycle).toContainEqual(
      expect.objectContaining({ Prefix: 'reports/', ExpirationInDays: 90, Status: 'Enabled' }),
    );
    expect(ci.resources.ReconcileBucketPolicy?.Properties).toEqual({
      Bucket: { Ref: 'ReconcileBucket' },
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'TlsOnly',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [{ 'Fn::GetAtt': ['ReconcileBucket', 'Arn'] }, inBucket('/*')],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      },
    });
    expect(rule?.Properties.Targets).toEqual([
      {
        Id: 'reconcileSchedule',
        Arn: { 'Fn::GetAtt': ['ReconcileLambdaFunction', 'Arn'] },
        Input: { 'Fn::Sub': `{"source":"s3://\${ReconcileBucket}/lists/desired.yaml"}` },
      },
    ]);
    for (const name of ['reconcile', 'getLatestReconcileRun']) {
      expect(fn(ci, name).Properties.Environment).toMatchObject({
        Variables: { RECONCILE_BUCKET: { Ref: 'ReconcileBucket' } },
      });
    }
  });

  it('lets reconcile read only lists/ and write only reports/, and the report route read only reports/', () => {
    // Prepare
    const s3StatementsOf = (name: string) =>
      statementsOf(ci.resources, roleOf(ci, name)).filter((statement) =>
        [statement.Action].flat().some((action) => action.startsWith('s3:')),
      );
    const bucketArn = { 'Fn::GetAtt': ['ReconcileBucket', 'Arn'] };
    const listOnly = (prefix: string) => ({
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: bucketArn,
      Condition: { StringLike: { 's3:prefix': [`${prefix}/*`] } },
    });

    // Assess
    expect(s3StatementsOf('reconcile')).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:GetObjectVersion'],
        Resource: inBucket('/lists/*'),
      },
      listOnly('lists'),
      {
        Effect: 'Allow',
        Action: ['s3:PutObject'],
        Resource: inBucket('/reports/*'),
      },
    ]);
    expect(s3StatementsOf('getLatestReconcileRun')).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:GetObject'],
        Resource: inBucket('/reports/*'),
      },
      listOnly('reports'),
    ]);
    for (const name of Object.keys(FUNCTIONS)) {
      if (name !== 'reconcile' && name !== 'getLatestReconcileRun') {
        expect(s3StatementsOf(name)).toEqual([]);
      }
    }
  });

  it("protects the upstream's rate limit: gateway throttling within reserved concurrency", () => {
    // Prepare
    const [stage] = ofType(ci, 'AWS::ApiGatewayV2::Stage');
    const routes = stage?.Properties.RouteSettings as Record<
      string,
      { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
    >;
    const reserved = (name: string) =>
      fn(ci, name).Properties.ReservedConcurrentExecutions as number;

    // Assess
    expect(stage?.Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: 20,
      ThrottlingBurstLimit: 40,
    });
    expect(reserved('createProtectionGroup')).toBe(20);
    expect(reserved('webhook')).toBe(10);
    expect(reserved('reconcile')).toBe(1);
    expect(reserved('outcomeWatcher')).toBe(1);
    // A burst the gateway admits never exceeds what the function may run at once.
    expect(routes['POST /protection-groups']?.ThrottlingBurstLimit).toBeLessThanOrEqual(
      reserved('createProtectionGroup'),
    );
    expect(routes['POST /webhooks/{source}']?.ThrottlingBurstLimit).toBeLessThanOrEqual(
      reserved('webhook'),
    );
    // The routes named exist, and exist before the stage refers to them.
    const routeIds = Object.entries(ci.resources)
      .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Route')
      .filter(([, r]) => String(r.Properties.RouteKey) in routes)
      .map(([id]) => id);
    expect(routeIds).toHaveLength(2);
    expect((stage as Resource & { DependsOn: string[] }).DependsOn).toEqual(
      expect.arrayContaining(routeIds),
    );
  });

  it('writes an access log line with latencies and the gateway’s own errors', () => {
    // Assess
    const [stage] = ofType(ci, 'AWS::ApiGatewayV2::Stage');
    const settings = stage?.Properties.AccessLogSettings as { Format: string } | undefined;
    const format = JSON.parse(settings?.Format ?? '{}') as Record<string, string>;
    expect(format).toMatchObject({
      status: '$context.status',
      responseLatency: '$context.responseLatency',
      integrationError: '$context.integrationErrorMessage',
      authorizerError: '$context.authorizer.error',
    });
  });

  it('alarms on-call when creates fail or are throttled, and when reconcile or a ticket outcome is given up', () => {
    // Prepare
    const alarms = (packaged: Packaged) =>
      ofType(packaged, 'AWS::CloudWatch::Alarm').map((alarm) => alarm.Properties);
    const watched = alarms(ci).map((alarm) => [
      alarm.MetricName,
      (alarm.Dimensions as Array<{ Value: unknown }>)[0]?.Value,
    ]);

    // Assess
    expect(watched).toEqual(
      expect.arrayContaining([
        ['Errors', { Ref: 'CreateProtectionGroupLambdaFunction' }],
        ['Errors', { Ref: 'WebhookLambdaFunction' }],
        ['Throttles', { Ref: 'CreateProtectionGroupLambdaFunction' }],
        [
          'ApproximateNumberOfMessagesVisible',
          { 'Fn::GetAtt': ['ReconcileDeadLetterQueue', 'QueueName'] },
        ],
        ['Errors', { Ref: 'OutcomeWatcherLambdaFunction' }],
        [
          'ApproximateNumberOfMessagesVisible',
          { 'Fn::GetAtt': ['OutcomeDeadLetterQueue', 'QueueName'] },
        ],
      ]),
    );
    // Without a topic they only show in CloudWatch; with one, every alarm notifies it.
    for (const alarm of alarms(ci)) expect(alarm.AlarmActions).toEqual([]);
    for (const alarm of alarms(prod)) expect(alarm.AlarmActions).toEqual([ONCALL_TOPIC]);
  });

  it('keeps logs for the stage’s retention, sets Powertools, takes nothing local-only', () => {
    // Assess
    for (const [packaged, days, level] of [
      [ci, 30, 'INFO'],
      [prod, 365, 'INFO'],
    ] as const) {
      for (const name of Object.keys(FUNCTIONS)) {
        expect(packaged.resources[`${logicalId(name)}LogGroup`]?.Properties.RetentionInDays).toBe(
          days,
        );
        expect(fn(packaged, name).Properties.Environment).toMatchObject({
          Variables: {
            AUTH_DISABLED: 'false',
            SDRS_SECRET_FILE: '',
            POWERTOOLS_SERVICE_NAME: 'sdrs-bff',
            POWERTOOLS_METRICS_NAMESPACE: 'sdrs-bff',
            POWERTOOLS_LOG_LEVEL: level,
          },
        });
      }
    }
  });
});
