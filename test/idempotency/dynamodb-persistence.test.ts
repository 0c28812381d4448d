/**
 * The SDK-free persistence layer against dynalite (and a scripted endpoint where dynalite falls
 * short): it must store exactly what Powertools' own DynamoDB layer stores, and its conditional
 * put must decide races and takeovers the same way.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsJsonClient, DYNAMODB } from '../../lib/aws/json-client.js';
import { DynamoDbPersistenceLayer } from '../../lib/idempotency/dynamodb-persistence.js';
import { replyJson, startScriptedEndpoint } from '../aws/endpoint.js';
import { startDynalite, type TestDynamoDb } from '../support/dynalite.js';

let db: TestDynamoDb;
const clients: AwsJsonClient[] = [];

beforeAll(async () => {
  db = await startDynalite({ tableName: 'persistence-test' });
});
afterAll(async () => {
  await db.close();
});
beforeEach(() => db.clear());
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

/** Configured as lib/idempotency/run.ts configures the layer. */
function configured<T extends BasePersistenceLayer>(layer: T): T {
  layer.configure({
    config: new IdempotencyConfig({
      eventKeyJmesPath: '[scope, key]',
      payloadValidationJmesPath: 'fingerprint',
      throwOnNoIdempotencyKey: true,
      hashFunction: 'sha256',
      expiresAfterSeconds: 3600,
    }),
    keyPrefix: 'sdrs-bff',
  });
  return layer;
}

function ourLayer(endpoint: string = db.endpoint): DynamoDbPersistenceLayer {
  const client = new AwsJsonClient(DYNAMODB, {
    env: { ...process.env, AWS_ENDPOINT_URL_DYNAMODB: endpoint },
  });
  clients.push(client);
  return configured(
    new DynamoDbPersistenceLayer({ tableName: db.tableName, client, expiryAttr: 'expiration' }),
  );
}

const payload = (key: string) => ({ scope: 'create:user-1', key, fingerprint: 'f1' });
const rejection = (error: unknown) => (error instanceof Error ? error.name : String(error));

describe('DynamoDbPersistenceLayer (no AWS SDK)', () => {
  it("stores, completes and reads each record exactly as Powertools' DynamoDB layer does", async () => {
    // Prepare
    const sdkClient = new DynamoDBClient({});
    const theirs = configured(
      new DynamoDBPersistenceLayer({ tableName: db.tableName, awsSdkV3Client: sdkClient }),
    );
    const ours = ourLayer();
    const response = {
      statusCode: 202,
      headers: { 'x-request-id': 'r-1' },
      body: '{"a":[1,true,null]}',
    };
    const writeWith = async (layer: BasePersistenceLayer) => {
      await db.clear();
      await layer.saveInProgress(payload('k-1'), 10_000);
      const inProgress = (await db.records())[0];
      await layer.saveSuccess(payload('k-1'), response);
      return { inProgress, completed: (await db.records())[0] };
    };

    // Act
    const expected = await writeWith(theirs);
    const actual = await writeWith(ours);
    const readBack = await ours.getRecord(payload('k-1'));
    sdkClient.destroy();

    // Assess: the same attributes and values; timestamps at most 2 s apart (the two layers write
    // a moment apart, so rounding both could still straddle a boundary).
    const TIMESTAMPS = { expiration: 1, in_progress_expiration: 1000 } as const; // s, ms
    const sameRecord = (
      mine: Record<string, unknown> | undefined,
      theirs: Record<string, unknown> | undefined,
    ) => {
      const { expiration: _e1, in_progress_expiration: _p1, ...mineRest } = mine ?? {};
      const { expiration: _e2, in_progress_expiration: _p2, ...theirsRest } = theirs ?? {};
      expect(mineRest).toEqual(theirsRest);
      for (const [name, unitsPerSecond] of Object.entries(TIMESTAMPS)) {
        expect(name in (mine ?? {})).toBe(name in (theirs ?? {}));
        if (!(name in (theirs ?? {}))) continue;
        const apart = Math.abs(Number(mine?.[name]) - Number(theirs?.[name])) / unitsPerSecond;
        expect(apart, name).toBeLessThanOrEqual(2);
      }
    };
    sameRecord(actual.inProgress, expected.inProgress);
    sameRecord(actual.completed, expected.completed);
    expect(actual.completed).toMatchObject({ status: 'COMPLETED', data: response });
    expect(readBack.getStatus()).toBe('COMPLETED');
    expect(readBack.getResponse()).toEqual(response);
  });

  it("passes dynalite's signature check, which refuses an unsigned request", async () => {
    // Prepare
    const client = new AwsJsonClient(DYNAMODB);
    clients.push(client);
    const unsigned = () =>
      fetch(db.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
        },
        body: '{}',
      });

    // Act
    const signed = await client.call<{ TableNames: string[] }>('ListTables', {});
    const refused = (await (await unsigned()).json()) as { __type: string };

    // Assess
    expect(signed.TableNames).toContain(db.tableName);
    expect(refused.__type).toMatch(/#MissingAuthenticationTokenException$/);
  });

  it('lets exactly one of two racing writers lock a key', async () => {
    // Prepare
    const [first, second] = [ourLayer(), ourLayer()];

    // Act
    const results = await Promise.allSettled([
      first.saveInProgress(payload('race'), 10_000),
      second.saveInProgress(payload('race'), 10_000),
    ]);

    // Assess
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [lost] = results.filter((r) => r.status === 'rejected');
    expect(rejection(lost?.reason)).toBe('IdempotencyItemAlreadyExistsError');
    expect(await db.records()).toHaveLength(1);
  });

  it('takes over a record whose lifetime ran out, and no other', async () => {
    // Prepare
    const layer = ourLayer();
    await layer.saveInProgress(payload('old'), 10_000);
    await layer.saveSuccess(payload('old'), { statusCode: 202 });
    const refused = await ourLayer().saveInProgress(payload('old'), 10_000).catch(rejection);
    await db.expire(String((await db.records())[0]?.id));

    // Act
    await ourLayer().saveInProgress(payload('old'), 10_000);

    // Assess
    expect(refused).toBe('IdempotencyItemAlreadyExistsError');
    expect((await db.records())[0]).toMatchObject({ status: 'INPROGRESS' });
  });

  it('takes over an INPROGRESS record whose Lambda ran out of time, not a live one', async () => {
    // Prepare: one lock whose holder had 1 ms left, one whose holder has a minute.
    await ourLayer().saveInProgress(payload('stale'), 1);
    await ourLayer().saveInProgress(payload('live'), 60_000);
    await sleep(5); // past the stale lock's deadline (a precondition, not a timing check)

    // Act
    const stale = await ourLayer()
      .saveInProgress(payload('stale'), 10_000)
      .then(() => 'locked', rejection);
    const live = await ourLayer()
      .saveInProgress(payload('live'), 10_000)
      .then(() => 'locked', rejection);

    // Assess
    expect(stale).toBe('locked');
    expect(live).toBe('IdempotencyItemAlreadyExistsError');
  });

  it('hands Powertools the stored record that DynamoDB returns with a failed condition (ALL_OLD)', async () => {
    // Prepare: dynalite ignores ReturnValuesOnConditionCheckFailure; DynamoDB answers like this.
    const stored = {
      id: { S: 'sdrs-bff#abc' },
      status: { S: 'COMPLETED' },
      expiration: { N: '4102444800' },
      data: { M: { statusCode: { N: '202' } } },
      validation: { S: 'hash-1' },
    };
    const endpoint = await startScriptedEndpoint((_, res) =>
      replyJson(res, 400, {
        __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
        message: 'The conditional request failed',
        Item: stored,
      }),
    );

    // Act
    const error = await ourLayer(endpoint.url)
      .saveInProgress(payload('k'), 10_000)
      .catch((e: unknown) => e);
    await endpoint.close();

    // Assess
    expect(rejection(error)).toBe('IdempotencyItemAlreadyExistsError');
    const record = (error as { existingRecord?: { getStatus(): string; getResponse(): unknown } })
      .existingRecord;
    expect(record?.getStatus()).toBe('COMPLETED');
    expect(record?.getResponse()).toEqual({ statusCode: 202 });
    const sent = JSON.parse(endpoint.requests[0]?.body ?? '{}');
    expect(sent).toMatchObject({
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      ConditionExpression:
        'attribute_not_exists(#id) OR #expiry < :now OR (#status = :inprogress AND attribute_exists(#in_progress_expiry) AND #in_progress_expiry < :now_in_millis)',
    });
  });
});
