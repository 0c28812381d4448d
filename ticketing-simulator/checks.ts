/** What the real systems check first: the `Authorization` header and the body's shape. */

import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { TicketingCredentials } from './types.js';

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Jira Cloud: Basic with the account e-mail and an API token. */
export function jiraAuthorized(
  headers: IncomingHttpHeaders,
  credentials: TicketingCredentials,
): boolean {
  const { email, apiToken } = credentials.jira;
  return same(headers.authorization ?? '', basic(email, apiToken));
}

/** ServiceNow: Basic with user and password, or Bearer with an OAuth token. */
export function serviceNowAuthorized(
  headers: IncomingHttpHeaders,
  credentials: TicketingCredentials,
): boolean {
  const { username, password, token } = credentials.serviceNow;
  const given = headers.authorization ?? '';
  return same(given, basic(username, password)) || same(given, `Bearer ${token}`);
}

type Node = { type?: unknown; text?: unknown; content?: unknown; version?: unknown };

/**
 * Atlassian Document Format, as far as a comment needs it: `{version: 1, type: "doc", content}`
 * whose blocks have a `type` and whose text nodes have a string `text`. Returns the problem, or
 * the plain text (one line per block).
 */
export function readAdf(doc: unknown): { text: string } | { problem: string } {
  const root = doc as Node | null;
  if (root?.version !== 1 || root.type !== 'doc' || !Array.isArray(root.content)) {
    return { problem: 'body must be an ADF document {version: 1, type: "doc", content: [...]}' };
  }
  const lines: string[] = [];
  for (const block of root.content as Node[]) {
    if (typeof block?.type !== 'string' || !Array.isArray(block.content ?? [])) {
      return { problem: 'every ADF block needs a "type" and a "content" array' };
    }
    const parts: string[] = [];
    for (const inline of (block.content ?? []) as Node[]) {
      if (inline?.type === 'text' && typeof inline.text !== 'string') {
        return { problem: 'an ADF text node needs a string "text"' };
      }
      if (typeof inline?.text === 'string') parts.push(inline.text);
    }
    lines.push(parts.join(''));
  }
  return { text: lines.join('\n') };
}
