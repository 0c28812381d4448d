import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalDynamoDb, startLocalDynamoDb } from '../../scripts/local-dynamodb.js';
import { type LocalS3, startLocalS3 } from '../../scripts/local-s3.js';

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

describe('the local S3 under npm start', () => {
  let s3: LocalS3;

  beforeAll(async () => {
    s3 = await startLocalS3({ bucket: 'loopback-test-bucket' });
    await s3.put('lists/desired.yaml', 'protectionGroups: []\n');
  });
  afterAll(async () => s3.close());

  it('refuses a page’s read, form upload and preflight (s3rver takes unsigned requests)', async () => {
    // Prepare
    const origin = { origin: 'https://evil.test' };
    const bucketUrl = `${s3.endpoint}/${s3.bucket}`;
    const form = new FormData();
    form.set('key', 'lists/desired.yaml');
    form.set('file', 'protectionGroups: [{name: planted}]');

    // Act
    const read = await fetch(`${bucketUrl}/lists/desired.yaml`, { headers: origin });
    const upload = await fetch(bucketUrl, { method: 'POST', headers: origin, body: form });
    const preflight = await fetch(`${bucketUrl}/lists/desired.yaml`, {
      method: 'OPTIONS',
      headers: { ...origin, 'access-control-request-method': 'PUT' },
    });

    // Assess
    for (const response of [read, upload, preflight]) {
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('still serves the AWS SDK', async () => {
    // Prepare
    const client = s3.client();

    // Act
    const answer = await client.send(
      new GetObjectCommand({ Bucket: s3.bucket, Key: 'lists/desired.yaml' }),
    );
    const text = await answer.Body?.transformToString();
    client.destroy();

    // Assess
    expect(text).toBe('protectionGroups: []\n');
  });
});
