/**
 * The smallest SQS the real AWS SDK client accepts for `SendMessage` (AWS JSON 1.0 protocol,
 * MD5 of the body checked by the client): a loopback HTTP server that keeps every message.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalSqs {
  readonly queueUrl: string;
  /** Message bodies received, in order. */
  messages(): string[];
  close(): Promise<void>;
}

export async function startLocalSqs(): Promise<LocalSqs> {
  const messages: string[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { MessageBody: string };
    if (request.headers['x-amz-target'] !== 'AmazonSQS.SendMessage') {
      response.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify({ __type: 'com.amazonaws.sqs#UnsupportedOperation' }));
      return;
    }
    messages.push(input.MessageBody);
    response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
    response.end(
      JSON.stringify({
        MessageId: randomUUID(),
        MD5OfMessageBody: createHash('md5').update(input.MessageBody).digest('hex'),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    queueUrl: `${endpoint}/000000000000/outcome-dlq`,
    messages: () => [...messages],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
