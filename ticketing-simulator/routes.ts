/** The three systems' routes: each checks auth and shape, and says what to store and answer. */
import type { IncomingMessage } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { jiraAuthorized, readAdf, serviceNowAuthorized } from './checks.js';
import type { TicketingCredentials, TicketMessage } from './types.js';

const COMMENT_PATH = /^\/jira\/rest\/api\/3\/issue\/([^/]+)\/comment$/;
const RECORD_PATH = /^\/servicenow\/api\/now\/table\/([a-z0-9_]+)\/([^/]+)$/;
/** Where the Standard Webhooks receiver listens. */
export const WEBHOOK_PATH = '/standard-webhooks/outcomes';

/** What a route decided. */
export interface Answer {
  readonly status: number;
  readonly body?: unknown;
  /** The message to store before answering (a fault may still delay or replace the answer). */
  readonly store?: TicketMessage;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The router; `messages` is read (the GETs, repeated webhook-ids), never written here. */
export function routes(credentials: TicketingCredentials, messages: readonly TicketMessage[]) {
  const verifier = new Webhook(credentials.standardWebhooks.secret);
  let nextId = 10_000;

  function jira(method: string, key: string, request: IncomingMessage, text: string): Answer {
    if (!jiraAuthorized(request.headers, credentials)) {
      return {
        status: 401,
        body: { errorMessages: ['Client must be authenticated to access this resource.'] },
      };
    }
    if (method === 'GET') {
      const comments = messages
        .filter((m) => m.system === 'jira' && m.ticket === key)
        .map((m) => ({ id: m.id, body: (m.event as { body: unknown }).body }));
      return {
        status: 200,
        body: { startAt: 0, maxResults: 100, total: comments.length, comments },
      };
    }
    const adf = readAdf((parseJson(text) as { body?: unknown } | undefined)?.body);
    if ('problem' in adf) return { status: 400, body: { errorMessages: [adf.problem] } };
    const id = String(nextId++);
    const store = {
      system: 'jira' as const,
      ticket: key,
      id,
      text: adf.text,
      event: parseJson(text),
      receivedAt: Date.now(),
    };
    return { status: 201, body: { id, created: new Date().toISOString() }, store };
  }

  function serviceNow(
    method: string,
    table: string,
    sysId: string,
    request: IncomingMessage,
    text: string,
  ): Answer {
    if (!serviceNowAuthorized(request.headers, credentials)) {
      return {
        status: 401,
        body: { error: { message: 'User Not Authenticated' }, status: 'failure' },
      };
    }
    const ticket = `${table}/${sysId}`;
    if (method === 'GET') {
      const notes = messages
        .filter((m) => m.system === 'servicenow' && m.ticket === ticket)
        .reverse()
        .map((m) => `${new Date(m.receivedAt).toISOString()} - sdrs.bff (Work notes)\n${m.text}`);
      return { status: 200, body: { result: { work_notes: notes.join('\n\n') } } };
    }
    const note = (parseJson(text) as { work_notes?: unknown } | undefined)?.work_notes;
    if (typeof note !== 'string' || note.trim() === '') {
      return {
        status: 400,
        body: { error: { message: 'work_notes must be a non-empty string' }, status: 'failure' },
      };
    }
    const store = {
      system: 'servicenow' as const,
      ticket,
      id: String(nextId++),
      text: note,
      receivedAt: Date.now(),
    };
    return { status: 200, body: { result: { sys_id: sysId } }, store };
  }

  function standardWebhooks(request: IncomingMessage, text: string): Answer {
    let event: { data?: { ticket?: unknown; message?: unknown } };
    try {
      event = verifier.verify(text, request.headers as Record<string, string>) as typeof event;
    } catch {
      return { status: 401, body: { error: 'signature verification failed' } };
    }
    const id = String(request.headers['webhook-id']);
    if (messages.some((m) => m.system === 'standard-webhooks' && m.id === id)) {
      return { status: 204 }; // a repeat of an event already received: acknowledged, not stored
    }
    const store = {
      system: 'standard-webhooks' as const,
      ticket: String(event.data?.ticket ?? ''),
      id,
      text: String(event.data?.message ?? ''),
      event,
      receivedAt: Date.now(),
    };
    return { status: 204, store };
  }

  function route(request: IncomingMessage, path: string, text: string): Answer {
    const method = request.method ?? 'GET';
    const comment = COMMENT_PATH.exec(path);
    if (comment && (method === 'GET' || method === 'POST')) {
      return jira(method, decodeURIComponent(comment[1] as string), request, text);
    }
    const record = RECORD_PATH.exec(path);
    if (record && (method === 'GET' || method === 'PATCH')) {
      return serviceNow(
        method,
        record[1] as string,
        decodeURIComponent(record[2] as string),
        request,
        text,
      );
    }
    if (path === WEBHOOK_PATH && method === 'POST') return standardWebhooks(request, text);
    return { status: 404, body: { error: 'no such route' } };
  }

  return route;
}
