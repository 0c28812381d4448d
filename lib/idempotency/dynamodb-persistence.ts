/**
 * Powertools' idempotency records in DynamoDB without the AWS SDK: a persistence layer on
 * Powertools' own `BasePersistenceLayer` that does exactly what its `DynamoDBPersistenceLayer`
 * (2.35.0) does, item for item, over the small JSON client in lib/aws. Powertools keeps every
 * decision (hashing, expiry, validation, what an existing record means); this file only stores.
 */
import {
  IdempotencyItemAlreadyExistsError,
  IdempotencyItemNotFoundError,
  IdempotencyRecordStatus,
  PERSISTENCE_ATTRIBUTE_KEY_MAPPINGS,
} from '@aws-lambda-powertools/idempotency';
import {
  BasePersistenceLayer,
  IdempotencyRecord,
} from '@aws-lambda-powertools/idempotency/persistence';
import {
  type AttributeMap,
  fromAttributes,
  toAttribute,
  toAttributes,
} from '../aws/attribute-values.js';
import { AwsServiceError } from '../aws/errors.js';
import type { AwsJsonClient } from '../aws/json-client.js';

type IdempotencyRecordStatusValue =
  (typeof IdempotencyRecordStatus)[keyof typeof IdempotencyRecordStatus];

export interface DynamoDbPersistenceOptions {
  readonly tableName: string;
  /** The DynamoDB client (`DYNAMODB` service of lib/aws). */
  readonly client: AwsJsonClient;
  /** Partition key attribute (Powertools' default `id`). */
  readonly keyAttr?: string;
  /** Epoch-seconds expiry attribute, also the table's TTL attribute (default `expiration`). */
  readonly expiryAttr?: string;
}

/**
 * Stores idempotency records as Powertools' DynamoDB layer does: a conditional put that wins when
 * the key is absent, expired, or in progress past its deadline (else
 * `IdempotencyItemAlreadyExistsError` carrying the stored record, read from the failed condition
 * with `ALL_OLD`), a consistent get, an update that completes the record, and a delete.
 */
export class DynamoDbPersistenceLayer extends BasePersistenceLayer {
  readonly #client: AwsJsonClient;
  readonly #table: string;
  readonly #keyAttr: string;
  readonly #expiryAttr: string;
  readonly #statusAttr = PERSISTENCE_ATTRIBUTE_KEY_MAPPINGS.statusAttr;
  readonly #inProgressExpiryAttr = PERSISTENCE_ATTRIBUTE_KEY_MAPPINGS.inProgressExpiryAttr;
  readonly #dataAttr = PERSISTENCE_ATTRIBUTE_KEY_MAPPINGS.dataAttr;
  readonly #validationKeyAttr = PERSISTENCE_ATTRIBUTE_KEY_MAPPINGS.validationKeyAttr;

  constructor(options: DynamoDbPersistenceOptions) {
    super();
    this.#client = options.client;
    this.#table = options.tableName;
    this.#keyAttr = options.keyAttr ?? 'id';
    this.#expiryAttr = options.expiryAttr ?? PERSISTENCE_ATTRIBUTE_KEY_MAPPINGS.expiryAttr;
  }

  protected async _deleteRecord(record: IdempotencyRecord): Promise<void> {
    await this.#client.call('DeleteItem', {
      TableName: this.#table,
      Key: this.#key(record.idempotencyKey),
    });
  }

  protected async _getRecord(idempotencyKey: string): Promise<IdempotencyRecord> {
    const result = await this.#client.call<{ Item?: AttributeMap }>('GetItem', {
      TableName: this.#table,
      Key: this.#key(idempotencyKey),
      ConsistentRead: true,
    });
    if (!result.Item) throw new IdempotencyItemNotFoundError();
    return this.#recordOf(result.Item);
  }

  protected async _putRecord(record: IdempotencyRecord): Promise<void> {
    const item: AttributeMap = {
      ...this.#key(record.idempotencyKey),
      [this.#expiryAttr]: toAttribute(record.expiryTimestamp),
      [this.#statusAttr]: toAttribute(record.getStatus()),
    };
    if (record.inProgressExpiryTimestamp !== undefined) {
      item[this.#inProgressExpiryAttr] = toAttribute(record.inProgressExpiryTimestamp);
    }
    if (this.isPayloadValidationEnabled() && record.payloadHash !== undefined) {
      item[this.#validationKeyAttr] = toAttribute(record.payloadHash);
    }
    // Wins when the key is new (or TTL removed it), when its record expired, or when it is
    // INPROGRESS past the in-progress deadline (the Lambda that held it timed out).
    const condition = [
      'attribute_not_exists(#id)',
      '#expiry < :now',
      '(#status = :inprogress AND attribute_exists(#in_progress_expiry) AND #in_progress_expiry < :now_in_millis)',
    ].join(' OR ');
    const now = Date.now();
    try {
      await this.#client.call('PutItem', {
        TableName: this.#table,
        Item: item,
        ExpressionAttributeNames: {
          '#id': this.#keyAttr,
          '#expiry': this.#expiryAttr,
          '#in_progress_expiry': this.#inProgressExpiryAttr,
          '#status': this.#statusAttr,
        },
        ExpressionAttributeValues: toAttributes({
          ':now': now / 1000,
          ':now_in_millis': now,
          ':inprogress': IdempotencyRecordStatus.INPROGRESS,
        }),
        ConditionExpression: condition,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      });
    } catch (error) {
      if (!(error instanceof AwsServiceError && error.name === 'ConditionalCheckFailedException')) {
        throw error;
      }
      // DynamoDB returns the stored item with the failure; some emulators (dynalite) do not,
      // and Powertools then reads it itself.
      const stored = error.details.Item as AttributeMap | undefined;
      throw new IdempotencyItemAlreadyExistsError(
        `Failed to put record for already existing idempotency key: ${record.idempotencyKey}`,
        stored && this.#recordOf(stored),
      );
    }
  }

  protected async _updateRecord(record: IdempotencyRecord): Promise<void> {
    const fields = ['#expiry = :expiry', '#status = :status'];
    const names: Record<string, string> = {
      '#expiry': this.#expiryAttr,
      '#status': this.#statusAttr,
    };
    const values: Record<string, unknown> = {
      ':expiry': record.expiryTimestamp,
      ':status': record.getStatus(),
    };
    if (record.responseData !== undefined) {
      fields.push('#response_data = :response_data');
      names['#response_data'] = this.#dataAttr;
      values[':response_data'] = record.responseData;
    }
    if (this.isPayloadValidationEnabled()) {
      fields.push('#validation_key = :validation_key');
      names['#validation_key'] = this.#validationKeyAttr;
      values[':validation_key'] = record.payloadHash;
    }
    await this.#client.call('UpdateItem', {
      TableName: this.#table,
      Key: this.#key(record.idempotencyKey),
      UpdateExpression: `SET ${fields.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: toAttributes(values),
    });
  }

  #key(idempotencyKey: string): AttributeMap {
    return { [this.#keyAttr]: { S: idempotencyKey } };
  }

  #recordOf(stored: AttributeMap): IdempotencyRecord {
    const item = fromAttributes(stored);
    return new IdempotencyRecord({
      idempotencyKey: item[this.#keyAttr] as string,
      status: item[this.#statusAttr] as IdempotencyRecordStatusValue,
      expiryTimestamp: item[this.#expiryAttr] as number | undefined,
      inProgressExpiryTimestamp: item[this.#inProgressExpiryAttr] as number | undefined,
      responseData: item[this.#dataAttr] as IdempotencyRecord['responseData'],
      payloadHash: item[this.#validationKeyAttr] as string | undefined,
    });
  }
}
