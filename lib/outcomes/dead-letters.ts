/**
 * Outcomes given up (a ticket system that refused them, or kept failing for the whole retry
 * window) go to an SQS dead-letter queue with an alarm on it: a person tells the ticket by hand.
 */
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { logger } from '../observability/logger.js';

/** One outcome given up, with everything a person needs to tell the ticket by hand. */
export interface DeadLetter {
  readonly jobId: string;
  readonly source: string;
  readonly ticket: string | undefined;
  readonly reference: string;
  /** Why it was given up, e.g. "commenting on DR-42: the ticket system answered 401". */
  readonly reason: string;
  readonly status: number | undefined;
  readonly attempts: number;
  /** The message the ticket should have received. */
  readonly message: string;
}

export interface DeadLetters {
  send(letter: DeadLetter): Promise<void>;
}

/** Sends each dead letter as one JSON message to the queue. */
export function sqsDeadLetters(
  queueUrl: string,
  client: SQSClient = new SQSClient({}),
): DeadLetters {
  return {
    async send(letter) {
      await client.send(
        new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(letter) }),
      );
    },
  };
}

/** Without a queue (`npm start`): the dead letter is the ERROR line and the record's `dead` state. */
export const logOnlyDeadLetters: DeadLetters = {
  async send(letter) {
    logger.error('outcome dead letter (no queue configured)', { deadLetter: letter });
  },
};
