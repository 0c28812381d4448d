/**
 * The `notify` block of a webhook source: where the outcome of a job the source started is told
 * (a Jira comment, a ServiceNow work note, or a signed Standard Webhooks event back). Only where
 * and to which record; the credentials live in the source's secret (`notify` member).
 */
import { ConfigurationError, type Env } from '../config.js';
import { checkExpression } from '../webhooks/expressions.js';

/** A comment on the Jira issue (`POST /rest/api/3/issue/{key}/comment`, ADF body). */
export interface JiraNotify {
  readonly target: 'jira';
  /** Site URL, e.g. `https://your-site.atlassian.net`; `baseUrlEnv` overrides it. */
  readonly baseUrl: string;
  /** JMESPath of the issue key (e.g. `issue.key`). */
  readonly issue: string;
}

/** A work note on the record (`PATCH /api/now/table/{table}/{sys_id}` with `work_notes`). */
export interface ServiceNowNotify {
  readonly target: 'servicenow';
  /** Instance URL, e.g. `https://your-instance.service-now.com`; `baseUrlEnv` overrides it. */
  readonly baseUrl: string;
  /** Table of the record, e.g. `sc_req_item`. */
  readonly table: string;
  /** JMESPath of the record's `sys_id`. */
  readonly record: string;
}

/** A signed Standard Webhooks event to the sender's callback URL. */
export interface StandardWebhooksNotify {
  readonly target: 'standard-webhooks';
  /** The receiver's URL; `baseUrlEnv` overrides it. */
  readonly baseUrl: string;
}

export type NotifyTarget = JiraNotify | ServiceNowNotify | StandardWebhooksNotify;

type Raw = Record<string, unknown>;

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
const TABLE_NAME = /^[a-z0-9_]{1,80}$/;

function fail(where: string, message: string): never {
  throw new ConfigurationError(`Webhook source ${where}: "notify" ${message}`);
}

function text(raw: Raw, key: string, where: string): string {
  const value = raw[key];
  if (typeof value !== 'string' || value.trim() === '') fail(where, `needs a string "${key}"`);
  return value.trim();
}

function baseUrl(raw: Raw, where: string, env: Env): string {
  const fromEnv = raw.baseUrlEnv;
  if (fromEnv !== undefined && (typeof fromEnv !== 'string' || !ENV_NAME.test(fromEnv))) {
    fail(where, '"baseUrlEnv" must be an environment variable name');
  }
  const value = (fromEnv ? env[fromEnv]?.trim() : undefined) || text(raw, 'baseUrl', where);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail(where, `base URL "${value}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(where, 'needs an http(s) URL');
  if (url.username || url.password) fail(where, 'URL must not carry credentials');
  return value.replace(/\/+$/, '');
}

function expression(raw: Raw, key: string, where: string): string {
  const value = text(raw, key, where);
  checkExpression(value, `${where}.notify.${key}`);
  return value;
}

/**
 * Parses a source's `notify` block; `undefined` when there is none (the source is not told).
 * The base URL comes from the environment variable `baseUrlEnv` names when it is set, so one
 * build points at a test double or a real instance.
 */
export function parseNotify(value: unknown, where: string, env: Env): NotifyTarget | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(where, 'must be an object with a "target"');
  }
  const raw = value as Raw;
  switch (raw.target) {
    case 'jira':
      return {
        target: 'jira',
        baseUrl: baseUrl(raw, where, env),
        issue: expression(raw, 'issue', where),
      };
    case 'servicenow': {
      const table = text(raw, 'table', where);
      if (!TABLE_NAME.test(table)) fail(where, '"table" must be a ServiceNow table name');
      return {
        target: 'servicenow',
        baseUrl: baseUrl(raw, where, env),
        table,
        record: expression(raw, 'record', where),
      };
    }
    case 'standard-webhooks':
      return { target: 'standard-webhooks', baseUrl: baseUrl(raw, where, env) };
    default:
      return fail(where, '"target" must be jira, servicenow or standard-webhooks');
  }
}
