/**
 * Pending-outcome records in DynamoDB (own table, key `jobId`, TTL on `expiration`). A sparse
 * index `due` (`queue` = "due", sorted by `dueAt`) holds exactly the records some watcher still
 * has to work on; `posted` and `dead` records leave it. Every change after the claim is
 * conditional on the claimer's lease, so two watchers never both act on one record.
 * Over lib/aws's small DynamoDB client, not the AWS SDK: the webhook function writes these records
 * and its cold start is what ticketing systems wait for.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { type AttributeMap, fromAttributes, toAttributes } from '../aws/attribute-values.js';
import { AwsServiceError } from '../aws/errors.js';
import { AwsJsonClient, DYNAMODB } from '../aws/json-client.js';
import type { NewOutcomeRecord, Outcome, OutcomeRecord } from './record-types.js';

/** Name of the sparse index of records still to work on. */
export const DUE_INDEX = 'due';
const DUE = 'due';
/** Records outlive their retry window, then DynamoDB TTL removes them. */
const RECORD_LIFETIME_SECONDS = 14 * 86_400;

/** The table as `serverless.yml` declares it, for dynalite and the tests. */
export function outcomeTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    AttributeDefinitions: [
      { AttributeName: 'jobId', AttributeType: 'S' },
      { AttributeName: 'queue', AttributeType: 'S' },
      { AttributeName: 'dueAt', AttributeType: 'N' },
    ],
    KeySchema: [{ AttributeName: 'jobId', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [
      {
        IndexName: DUE_INDEX,
        KeySchema: [
          { AttributeName: 'queue', KeyType: 'HASH' },
          { AttributeName: 'dueAt', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ],
    BillingMode: 'PAY_PER_REQUEST',
  };
}

/** What changes when a watcher gives a record back for later. */
export interface Release {
  readonly dueAt: number;
  readonly polls?: number;
  readonly attempts?: number;
  readonly firstPostAt?: number;
  readonly outcome?: Outcome;
  readonly lastError?: string;
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof AwsServiceError && error.name === 'ConditionalCheckFailedException';
}

/** Builds `SET a = :a, …` from the defined members of `values`. */
function setClause(values: Record<string, unknown>) {
  const entries = Object.entries(values).filter(([, value]) => value !== undefined);
  return {
    expression: entries.map(([key]) => `#${key} = :${key}`).join(', '),
    names: Object.fromEntries(entries.map(([key]) => [`#${key}`, key])),
    values: Object.fromEntries(entries.map(([key, value]) => [`:${key}`, value])),
  };
}

/** The outcome records of one table. */
export class OutcomeRecords {
  readonly #db: AwsJsonClient;
  readonly #table: string;

  constructor(tableName: string, client: AwsJsonClient = defaultClient()) {
    this.#table = tableName;
    this.#db = client;
  }

  /**
   * Starts following a job. Conditional: a second write for the same job (a redelivery that
   * somehow ran the create path again) keeps the first record. Returns false then.
   */
  async track(record: NewOutcomeRecord): Promise<boolean> {
    try {
      await this.#db.call('PutItem', {
        TableName: this.#table,
        Item: toAttributes({
          ...record,
          state: 'waiting',
          queue: DUE,
          dueAt: record.acceptedAt,
          polls: 0,
          attempts: 0,
          expiration: Math.floor(record.acceptedAt / 1000) + RECORD_LIFETIME_SECONDS,
        }),
        ConditionExpression: 'attribute_not_exists(jobId)',
      });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** The record of a job, or undefined (strongly consistent). */
  async read(jobId: string): Promise<OutcomeRecord | undefined> {
    const found = await this.#db.call<{ Item?: AttributeMap }>('GetItem', {
      TableName: this.#table,
      Key: toAttributes({ jobId }),
      ConsistentRead: true,
    });
    return found.Item && (fromAttributes(found.Item) as unknown as OutcomeRecord);
  }

  /** Job ids of up to `limit` records due at `now` (oldest first), expired leases included. */
  async due(now: number, limit: number): Promise<string[]> {
    const page = await this.#db.call<{ Items?: AttributeMap[] }>('Query', {
      TableName: this.#table,
      IndexName: DUE_INDEX,
      KeyConditionExpression: '#queue = :due AND #dueAt <= :now',
      ExpressionAttributeNames: { '#queue': 'queue', '#dueAt': 'dueAt' },
      ExpressionAttributeValues: toAttributes({ ':due': DUE, ':now': now }),
      Limit: limit,
    });
    return (page.Items ?? []).map((item) => String(fromAttributes(item).jobId));
  }

  /**
   * Takes the record for `leaseMs` if it is still due (a waiting record, or one whose lease ran
   * out): the conditional update lets exactly one watcher win. `undefined` when another did.
   */
  async claim(
    jobId: string,
    owner: string,
    now: number,
    leaseMs: number,
  ): Promise<OutcomeRecord | undefined> {
    try {
      const result = await this.#db.call<{ Attributes: AttributeMap }>('UpdateItem', {
        TableName: this.#table,
        Key: toAttributes({ jobId }),
        UpdateExpression: 'SET #state = :posting, #dueAt = :leaseEnd, #leaseOwner = :owner',
        ConditionExpression: '#queue = :due AND #dueAt <= :now',
        ExpressionAttributeNames: {
          '#state': 'state',
          '#dueAt': 'dueAt',
          '#leaseOwner': 'leaseOwner',
          '#queue': 'queue',
        },
        ExpressionAttributeValues: toAttributes({
          ':posting': 'posting',
          ':leaseEnd': now + leaseMs,
          ':owner': owner,
          ':due': DUE,
          ':now': now,
        }),
        ReturnValues: 'ALL_NEW',
      });
      return fromAttributes(result.Attributes) as unknown as OutcomeRecord;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** Fixes the outcome while holding the lease, so every later attempt sends the same words. */
  saveOutcome(jobId: string, owner: string, outcome: Outcome): Promise<boolean> {
    return this.#update(jobId, owner, { outcome }, []);
  }

  /** Gives the record back to the queue, due again at `release.dueAt`. */
  release(jobId: string, owner: string, release: Release): Promise<boolean> {
    return this.#update(jobId, owner, { ...release, state: 'waiting' }, ['leaseOwner']);
  }

  /** Ends the record: told (`posted`) or given up (`dead`); it leaves the due index. */
  finish(
    jobId: string,
    owner: string,
    state: 'posted' | 'dead',
    details: { readonly at: number; readonly attempts: number; readonly lastError?: string },
  ): Promise<boolean> {
    const values = {
      state,
      attempts: details.attempts,
      lastError: details.lastError,
      ...(state === 'posted' ? { postedAt: details.at } : { deadAt: details.at }),
    };
    return this.#update(jobId, owner, values, ['queue', 'leaseOwner']);
  }

  /** A conditional update under the lease; false when the lease was lost to another watcher. */
  async #update(
    jobId: string,
    owner: string,
    values: Record<string, unknown>,
    remove: readonly string[],
  ): Promise<boolean> {
    const set = setClause(values);
    const removeNames = Object.fromEntries(remove.map((name) => [`#${name}`, name]));
    const removal = remove.length > 0 ? ` REMOVE ${remove.map((n) => `#${n}`).join(', ')}` : '';
    try {
      await this.#db.call('UpdateItem', {
        TableName: this.#table,
        Key: toAttributes({ jobId }),
        UpdateExpression: `SET ${set.expression}${removal}`,
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { ...set.names, ...removeNames, '#owner': 'leaseOwner' },
        ExpressionAttributeValues: toAttributes({ ...set.values, ':owner': owner }),
      });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}

/** Bounded like the idempotency store's client: a stalled table fails the step, not the run. */
function defaultClient(): AwsJsonClient {
  return new AwsJsonClient(DYNAMODB, {
    maxAttempts: 2,
    connectTimeoutMs: 1_000,
    requestTimeoutMs: 3_000,
  });
}
