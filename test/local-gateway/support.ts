import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { jwtAuthorizer } from '../../scripts/local-gateway/authorizer.js';
import { corsSettings } from '../../scripts/local-gateway/cors.js';
import type { InvokeResult } from '../../scripts/local-gateway/invoke.js';
import { type LocalIssuer, startLocalIssuer } from '../../scripts/local-gateway/issuer.js';
import { type LocalGateway, startLocalGateway } from '../../scripts/local-gateway/server.js';

export const ALLOWED_ORIGIN = 'http://127.0.0.1:5173';

/** One function call the gateway made. */
export interface Invocation {
  readonly functionKey: string;
  readonly event: APIGatewayProxyEventV2;
}

/** A gateway on a free loopback port, with a development issuer when `auth` is on. */
export interface GatewayUnderTest {
  readonly gateway: LocalGateway;
  readonly issuer?: LocalIssuer;
  readonly invocations: Invocation[];
  /** What the next invocations return (default: a 200 that sets its own permissive CORS headers). */
  answerWith(result: InvokeResult): void;
  close(): Promise<void>;
}

/**
 * A function that, like serverless-offline, puts `Access-Control-Allow-Origin` on its answer for
 * any origin: the gateway must drop it.
 */
const PERMISSIVE_ANSWER: InvokeResult = {
  functionError: false,
  payload: {
    statusCode: 200,
    headers: {
      'content-type': 'application/json',
      'Access-Control-Allow-Origin': 'https://evil.test',
      'access-control-allow-credentials': 'true',
    },
    body: '{"ok":true}',
  },
};

export async function startGatewayUnderTest(auth: boolean): Promise<GatewayUnderTest> {
  const dir = await mkdtemp(join(tmpdir(), 'gateway-test-'));
  const issuer = auth
    ? await startLocalIssuer({ audience: 'sdrs-bff', stateFile: join(dir, 'issuer.json') })
    : undefined;
  const invocations: Invocation[] = [];
  let result = PERMISSIVE_ANSWER;
  const gateway = await startLocalGateway({
    host: '127.0.0.1',
    port: 0,
    cors: await corsSettings(ALLOWED_ORIGIN),
    invoke: async (functionKey, event) => {
      invocations.push({ functionKey, event: event as APIGatewayProxyEventV2 });
      return result;
    },
    ...(issuer && { authorizer: jwtAuthorizer({ issuer: issuer.issuer, audience: 'sdrs-bff' }) }),
  });
  return {
    gateway,
    issuer,
    invocations,
    answerWith: (next) => {
      result = next;
    },
    close: async () => {
      await gateway.close();
      await issuer?.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
