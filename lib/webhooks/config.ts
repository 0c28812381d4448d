/**
 * Webhook source configuration: `config/webhook-sources.json` (bundled), or the file named by
 * `WEBHOOK_SOURCES_FILE`, with `WEBHOOK_SOURCES` (JSON) merged over it source by source, and only
 * the names in `WEBHOOK_ENABLED_SOURCES` live. Secrets are never part of it.
 */
import { readFileSync } from 'node:fs';
import bundledSources from '../../config/webhook-sources.json' with { type: 'json' };
import { createProtectionGroupSchema } from '../../schemas/index.js';
import { ConfigurationError, type Env, integer, readAll } from '../config.js';
import { parseNotify } from '../outcomes/notify-config.js';
import type {
  CreateField,
  DeliveryIdSpec,
  SignedTimestamp,
  WebhookAuth,
  WebhookSettings,
  WebhookSource,
} from './config-types.js';
import { checkExpression } from './expressions.js';

type Raw = Record<string, unknown>;

const SOURCE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
const CREATE_FIELDS = new Set(Object.keys(createProtectionGroupSchema.properties));
const DEFAULT_SECRET_PREFIX = 'sdrs-bff/webhooks/';

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(where: string, message: string): never {
  throw new ConfigurationError(`Webhook source ${where}: ${message}`);
}

function optionalString(raw: Raw, key: string, where: string): string | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '')
    fail(where, `"${key}" must be a non-empty string`);
  return value;
}

function expression(raw: Raw, key: string, where: string): string | undefined {
  const value = optionalString(raw, key, where);
  if (value !== undefined) checkExpression(value, `${where}.${key}`);
  return value;
}

function headerName(value: unknown, where: string): string {
  if (typeof value !== 'string' || !HEADER_NAME.test(value.toLowerCase())) {
    fail(where, 'needs a "header" with a valid HTTP header name');
  }
  return value.toLowerCase();
}

function parseTimestamp(value: unknown, where: string): SignedTimestamp | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) fail(where, '"auth.timestamp" must be an object');
  const expr = expression(value, 'expression', `${where}.auth.timestamp`);
  const { unit = 's', toleranceSeconds = 300 } = value;
  if (expr === undefined) fail(where, '"auth.timestamp.expression" is required');
  if (unit !== 's' && unit !== 'ms') fail(where, '"auth.timestamp.unit" must be "s" or "ms"');
  if (!Number.isInteger(toleranceSeconds) || (toleranceSeconds as number) < 1) {
    fail(where, '"auth.timestamp.toleranceSeconds" must be a positive integer');
  }
  return { expression: expr, unit, toleranceSeconds: toleranceSeconds as number };
}

function parseAuth(value: unknown, where: string): WebhookAuth {
  if (!isRecord(value)) fail(where, '"auth" must be an object with a "scheme"');
  switch (value.scheme) {
    case 'standard-webhooks':
      return { scheme: 'standard-webhooks' };
    case 'hub-signature': {
      const timestamp = parseTimestamp(value.timestamp, where);
      return {
        scheme: 'hub-signature',
        header: headerName(value.header ?? 'x-hub-signature', where),
        ...(timestamp && { timestamp }),
      };
    }
    case 'shared-token': {
      const prefix = value.prefix ?? '';
      if (typeof prefix !== 'string') fail(where, '"auth.prefix" must be a string');
      return { scheme: 'shared-token', header: headerName(value.header, where), prefix };
    }
    default:
      return fail(where, '"auth.scheme" must be standard-webhooks, hub-signature or shared-token');
  }
}

function parseDeliveryId(value: unknown, auth: WebhookAuth, where: string): DeliveryIdSpec {
  if (value === undefined && auth.scheme === 'standard-webhooks') return { header: 'webhook-id' };
  if (!isRecord(value)) fail(where, '"deliveryId" must be {"header": …} or {"expression": …}');
  if (value.header !== undefined && value.expression === undefined) {
    return { header: headerName(value.header, `${where}.deliveryId`) };
  }
  const expr = expression(value, 'expression', `${where}.deliveryId`);
  if (expr === undefined || value.header !== undefined) {
    fail(where, '"deliveryId" needs exactly one of "header" and "expression"');
  }
  return { expression: expr };
}

function parseMapping(value: unknown, where: string): Partial<Record<CreateField, string>> {
  if (!isRecord(value)) fail(where, '"mapping" must be an object of create-body fields');
  const mapping: Partial<Record<CreateField, string>> = {};
  for (const key of Object.keys(value)) {
    if (!CREATE_FIELDS.has(key)) fail(where, `"mapping.${key}" is not a create-body field`);
    mapping[key as CreateField] = expression(value, key, `${where}.mapping`);
  }
  return mapping;
}

/** Parses and checks one source; every expression must compile. */
export function parseSource(name: string, raw: unknown, env: Env = {}): WebhookSource {
  const where = `"${name}"`;
  if (!SOURCE_NAME.test(name)) fail(where, 'the name must be lower-case letters, digits and "-"');
  if (!isRecord(raw)) fail(where, 'must be an object');
  const auth = parseAuth(raw.auth, where);
  const inProgressStatus = raw.inProgressStatus ?? 409;
  if (inProgressStatus !== 409 && inProgressStatus !== 503) {
    fail(where, '"inProgressStatus" must be 409 or 503');
  }
  if ('secret' in raw || 'secrets' in raw) {
    fail(where, 'secrets do not belong in the source configuration; name a "secretId"');
  }
  const prefix = env.WEBHOOK_SECRET_PREFIX?.trim() || DEFAULT_SECRET_PREFIX;
  return {
    name,
    description: optionalString(raw, 'description', where),
    auth,
    secretId: optionalString(raw, 'secretId', where) ?? `${prefix}${name}`,
    deliveryId: parseDeliveryId(raw.deliveryId, auth, where),
    ticket: expression(raw, 'ticket', where),
    when: expression(raw, 'when', where),
    mapping: parseMapping(raw.mapping, where),
    inProgressStatus,
    notify: parseNotify(raw.notify, where, env),
  };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigurationError(`${what} is not valid JSON`);
  }
}

/** The raw `sources` object: the bundled file, or `WEBHOOK_SOURCES_FILE`, then `WEBHOOK_SOURCES`. */
export function rawSources(env: Env): Raw {
  const file = env.WEBHOOK_SOURCES_FILE?.trim();
  const document = file
    ? parseJson(readFileSync(file, 'utf8'), `WEBHOOK_SOURCES_FILE (${file})`)
    : bundledSources;
  if (!isRecord(document) || !isRecord(document.sources)) {
    throw new ConfigurationError('The webhook source file needs a "sources" object');
  }
  const merged: Raw = { ...document.sources };
  const overrides = env.WEBHOOK_SOURCES?.trim();
  if (overrides) {
    const parsed = parseJson(overrides, 'WEBHOOK_SOURCES');
    if (!isRecord(parsed)) throw new ConfigurationError('WEBHOOK_SOURCES must be a JSON object');
    for (const [name, override] of Object.entries(parsed)) {
      if (override === null) delete merged[name];
      else merged[name] = { ...(isRecord(merged[name]) ? merged[name] : {}), ...(override as Raw) };
    }
  }
  return merged;
}

/**
 * Reads the webhook settings. Only enabled sources are parsed, so a broken example does not take
 * the live ones down; naming an enabled source that is not configured is an error.
 */
export function readWebhookSettings(env: Env = process.env): WebhookSettings {
  return readAll<WebhookSettings>({
    sources: () => readEnabledSources(env),
    secretsFile: () => env.WEBHOOK_SECRETS_FILE?.trim() || undefined,
    secretMaxAgeMs: () => integer(env, 'WEBHOOK_SECRET_MAX_AGE_SECONDS', 300, 0, 86_400) * 1000,
    inProgressWaitMs: () => integer(env, 'WEBHOOK_IN_PROGRESS_WAIT_MS', 5_000, 0, 25_000),
  });
}

/** The enabled sources, parsed; every broken one is reported, not only the first. */
function readEnabledSources(env: Env): Map<string, WebhookSource> {
  const all = rawSources(env);
  const enabled = (env.WEBHOOK_ENABLED_SOURCES ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const names = enabled.includes('*') ? Object.keys(all) : enabled;
  const entries = readAll<Record<string, WebhookSource>>(
    Object.fromEntries(
      names.map((name) => [
        name,
        () => {
          if (!(name in all)) {
            throw new ConfigurationError(
              `WEBHOOK_ENABLED_SOURCES names "${name}", which is not configured`,
            );
          }
          return parseSource(name, all[name], env);
        },
      ]),
    ),
  );
  return new Map(names.map((name) => [name, entries[name] as WebhookSource]));
}
