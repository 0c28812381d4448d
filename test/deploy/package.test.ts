import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

interface Resource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
}

/** design.md §6: `serverless package` produces the deployed shape with no AWS credentials. */
describe('serverless package (no AWS credentials)', () => {
  let dir: string;
  let resources: Record<string, Resource>;
  const ofType = (type: string) => Object.values(resources).filter((r) => r.Type === type);

  beforeAll(async () => {
    // Prepare
    dir = await mkdtemp(join(tmpdir(), 'sdrs-bff-package-'));
    const workFolder = `.esbuild-package-${process.pid}`;
    const env: NodeJS.ProcessEnv = { ...process.env, ESBUILD_WORK_FOLDER: workFolder };
    for (const name of [
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_PROFILE',
    ]) {
      delete env[name];
    }

    // Act
    try {
      await run('npx', ['serverless', 'package', '--stage', 'ci', '--package', dir], {
        env,
        timeout: 240_000,
      });
    } finally {
      await rm(workFolder, { recursive: true, force: true });
    }
    const template = JSON.parse(
      await readFile(join(dir, 'cloudformation-template-update-stack.json'), 'utf8'),
    );
    resources = template.Resources;
  }, 300_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('puts the JWT authorizer with the right scope on every front-end route', () => {
    // Assess
    const routes = Object.fromEntries(
      ofType('AWS::ApiGatewayV2::Route').map((r) => [r.Properties.RouteKey, r.Properties]),
    );
    const write = ['sdrs-bff/protection-groups.write'];
    const read = ['sdrs-bff/protection-groups.read'];
    expect(routes['POST /protection-groups']).toMatchObject({
      AuthorizationType: 'JWT',
      AuthorizationScopes: write,
    });
    for (const key of ['GET /protection-groups', 'GET /jobs/{jobId}', 'GET /active-domains']) {
      expect(routes[key]).toMatchObject({ AuthorizationType: 'JWT', AuthorizationScopes: read });
    }
    expect(routes['POST /webhooks/{source}']?.AuthorizationType).toBeUndefined();
    expect(routes['GET /openapi.json']?.AuthorizationType).toBeUndefined();
    expect(routes.$default).toBeDefined();
  });

  it('runs every function on nodejs22.x', () => {
    // Assess
    const functions = ofType('AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThanOrEqual(8);
    for (const fn of functions) expect(fn.Properties.Runtime).toBe('nodejs22.x');
  });

  it('gives each function a role with only what it needs', () => {
    // Prepare
    const actionsOf = (fn: string): string[] => {
      const lambda = resources[`${fn}LambdaFunction`];
      if (!lambda) throw new Error(`no function ${fn}`);
      const roleName = (lambda.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
      const policies = (resources[roleName]?.Properties.Policies ?? []) as Array<{
        PolicyDocument: { Statement: Array<{ Action: string | string[] }> };
      }>;
      const actions = policies.flatMap((p) =>
        p.PolicyDocument.Statement.flatMap((st) => st.Action),
      );
      return [...new Set(actions.filter((a) => !a.startsWith('logs:')))].sort();
    };
    const dynamo = [
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ];

    // Assess
    expect(actionsOf('CreateProtectionGroup')).toEqual(
      [...dynamo, 'secretsmanager:GetSecretValue'].sort(),
    );
    expect(actionsOf('Webhook')).toEqual([...dynamo, 'secretsmanager:GetSecretValue'].sort());
    for (const fn of ['GetJob', 'GetActiveDomains', 'ListProtectionGroups']) {
      expect(actionsOf(fn)).toEqual(['secretsmanager:GetSecretValue']);
    }
    expect(actionsOf('Reconcile')).toEqual(['secretsmanager:GetSecretValue', 'sqs:SendMessage']);
    expect(actionsOf('GetOpenApi')).toEqual([]);
    expect(actionsOf('NotFound')).toEqual([]);
  });

  it('declares the idempotency table with TTL, the reconcile schedule and its dead-letter queue', () => {
    // Assess
    const [table] = ofType('AWS::DynamoDB::Table');
    expect(table?.Properties.TimeToLiveSpecification).toMatchObject({ Enabled: true });
    expect(ofType('AWS::Events::Rule').length).toBe(1);
    expect(ofType('AWS::SQS::Queue').length).toBeGreaterThanOrEqual(1);
  });
});
