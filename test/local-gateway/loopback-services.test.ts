import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalDynamoDb, startLocalDynamoDb } from '../../scripts/local-dynamodb.js';

/** npm start's other loopback services answer its functions, never a web page. */
describe('dynalite under npm start', () => {
  let db: LocalDynamoDb;

  beforeAll(async () => {
    db = await startLocalDynamoDb({ tableName: 'loopback-test' });
  });
  afterAll(async () => db.close());

  it('refuses a page’s preflight and request (dynalite alone grants CORS to every origin)', async () => {
    // Prepare
    const origin = { origin: 'https://evil.test' };

    // Act
    const preflight = await fetch(db.endpoint, {
      method: 'OPTIONS',
      headers: { ...origin, 'access-control-request-method': 'POST' },
    });
    const scan = await fetch(db.endpoint, {
      method: 'POST',
      headers: {
        ...origin,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.Scan',
      },
      body: JSON.stringify({ TableName: 'loopback-test' }),
    });

    // Assess
    for (const response of [preflight, scan]) {
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('still serves the AWS SDK', async () => {
    // Prepare
    const client = new DynamoDBClient({
      endpoint: db.endpoint,
      region: db.env.AWS_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });

    // Act
    const table = await client.send(new DescribeTableCommand({ TableName: 'loopback-test' }));
    client.destroy();

    // Assess
    expect(table.Table?.TableStatus).toBe('ACTIVE');
  });
});
