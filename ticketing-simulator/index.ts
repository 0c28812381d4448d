/**
 * Ticketing simulator: a real HTTP server on loopback playing the three places an outcome is
 * told — Jira Cloud's comment endpoint, ServiceNow's Table API, and a Standard Webhooks receiver
 * — checking auth and body shape like them, and recording what each ticket received. See
 * ticketing-simulator/README.md.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { routes, WEBHOOK_PATH } from './routes.js';
import type {
  TicketFault,
  TicketingCredentials,
  TicketMessage,
  TicketRequest,
  TicketSystem,
} from './types.js';

export type * from './types.js';

/** The development credentials (also in examples/webhooks/local-secrets.json). */
export const DEFAULT_TICKETING_CREDENTIALS: TicketingCredentials = Object.freeze({
  jira: { email: 'sdrs-bff@example.com', apiToken: 'local-jira-api-token' },
  serviceNow: {
    username: 'sdrs.bff',
    password: 'local-servicenow-password',
    token: 'local-servicenow-oauth-token',
  },
  standardWebhooks: { secret: 'whsec_bG9jYWwtb3V0Y29tZS13ZWJob29rcy1zZWNyZXQ=' },
});

export interface TicketingSimulatorOptions {
  /** 0 (default): a free port. */
  readonly port?: number;
  readonly credentials?: TicketingCredentials;
}

export interface TicketingSimulator {
  /** `http://127.0.0.1:PORT`; `GET {url}/_received` shows what was received. */
  readonly url: string;
  /** Base URLs to configure: `JIRA_BASE_URL`, `SERVICENOW_INSTANCE_URL`, `OUTCOME_WEBHOOK_URL`. */
  readonly jiraUrl: string;
  readonly serviceNowUrl: string;
  readonly webhookUrl: string;
  readonly credentials: TicketingCredentials;
  /** Messages stored, in arrival order (events deduplicated by `webhook-id`). */
  messages(system?: TicketSystem): TicketMessage[];
  /** Every request with its answer. */
  requests(system?: TicketSystem): TicketRequest[];
  inject(fault: TicketFault): void;
  reset(): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the simulator on 127.0.0.1. */
export async function startTicketingSimulator(
  options: TicketingSimulatorOptions = {},
): Promise<TicketingSimulator> {
  const credentials = options.credentials ?? DEFAULT_TICKETING_CREDENTIALS;
  const messages: TicketMessage[] = [];
  let requests: TicketRequest[] = [];
  let faults: Array<TicketFault & { left: number }> = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const systemOf = (path: string): TicketSystem | 'unknown' =>
    path.startsWith('/jira/')
      ? 'jira'
      : path.startsWith('/servicenow/')
        ? 'servicenow'
        : path === WEBHOOK_PATH
          ? 'standard-webhooks'
          : 'unknown';

  function takeFault(system: TicketSystem | 'unknown'): TicketFault | undefined {
    const index = faults.findIndex((f) => f.system === 'any' || f.system === system);
    const fault = faults[index];
    if (!fault) return undefined;
    fault.left -= 1;
    if (fault.left <= 0) faults.splice(index, 1);
    return fault;
  }

  function send(
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    const text = body === undefined ? '' : JSON.stringify(body, null, 2);
    response.writeHead(status, { ...(text && { 'content-type': 'application/json' }), ...headers });
    response.end(text);
  }

  const route = routes(credentials, messages);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const text = await readBody(request);
    if (url.pathname === '/_received' && request.method === 'GET') {
      send(response, 200, { messages, requests });
      return;
    }
    const system = systemOf(url.pathname);
    const entry: TicketRequest = { system, method: request.method ?? 'GET', path: url.pathname };
    requests.push(entry);
    const writing = request.method === 'POST' || request.method === 'PATCH';
    const fault = writing ? takeFault(system) : undefined;
    if (fault?.kind === 'status') {
      entry.status = fault.status;
      entry.fault = fault.kind;
      send(
        response,
        fault.status,
        { error: 'injected fault' },
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
      return;
    }
    const answer = route(request, url.pathname, text);
    entry.status = answer.status;
    if (answer.status === 401 || answer.status === 400) entry.problem = JSON.stringify(answer.body);
    if (answer.store) messages.push(answer.store);
    if (fault?.kind === 'timeout-after-accept') {
      entry.fault = fault.kind;
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(response, answer.status, answer.body);
      }, fault.ms ?? 60_000);
      timers.add(timer);
      return;
    }
    send(response, answer.status, answer.body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bySystem = <T extends { system: string }>(list: T[], system?: TicketSystem) =>
    list
      .filter((item) => system === undefined || item.system === system)
      .map((item) => ({ ...item }));
  return {
    url,
    jiraUrl: `${url}/jira`,
    serviceNowUrl: `${url}/servicenow`,
    webhookUrl: `${url}${WEBHOOK_PATH}`,
    credentials,
    messages: (system) => bySystem(messages, system),
    requests: (system) => bySystem(requests, system),
    inject: (fault) => {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    reset: () => {
      messages.length = 0;
      requests = [];
      faults = [];
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
