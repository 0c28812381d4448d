import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local Secrets Manager endpoint speaking AWS JSON 1.1 `GetSecretValue`, so the service's real
 * client (lib/aws) can be used in tests (via `AWS_ENDPOINT_URL_SECRETS_MANAGER`). Secrets can be changed
 * while it runs, to test rotation.
 */
export interface FakeSecretsManager {
  readonly url: string;
  setSecret(id: string, value: string): void;
  /** How many `GetSecretValue` calls arrived for this id. */
  reads(id: string): number;
  close(): Promise<void>;
}

export async function startFakeSecretsManager(): Promise<FakeSecretsManager> {
  const secrets = new Map<string, string>();
  const reads = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const reply = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(body));
      };
      if (req.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue') {
        reply(400, { __type: 'InvalidAction', message: 'only GetSecretValue' });
        return;
      }
      if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256')) {
        reply(400, { __type: 'MissingAuthenticationToken', message: 'unsigned' });
        return;
      }
      const { SecretId } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        SecretId: string;
      };
      reads.set(SecretId, (reads.get(SecretId) ?? 0) + 1);
      const value = secrets.get(SecretId);
      if (value === undefined) {
        reply(400, {
          __type: 'ResourceNotFoundException',
          message: "Secrets Manager can't find the specified secret.",
        });
        return;
      }
      reply(200, {
        ARN: `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${SecretId}-AbCdEf`,
        Name: SecretId,
        SecretString: value,
        VersionId: `v${reads.get(SecretId)}`,
        VersionStages: ['AWSCURRENT'],
        CreatedDate: Math.floor(Date.now() / 1000),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setSecret: (id, value) => secrets.set(id, value),
    reads: (id) => reads.get(id) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
