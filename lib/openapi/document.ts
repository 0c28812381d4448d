/**
 * Generates the OpenAPI 3.1 document from the route table and the schema objects in `schemas/`.
 * Pure: no file is read; the only input besides the imported objects is the problem `type` base
 * URL (`PROBLEM_TYPE_BASE_URL`), so the document names the same type URIs the responses carry.
 */
import { problemCatalogue } from '../problems/catalogue.js';
import { SCOPES } from '../routes.js';
import { DESCRIPTION, SERVERS, TAGS } from './info.js';
import { gatewayErrorSchema, problemSchema } from './problem-schema.js';
import { codesByStatus, problemTypes, type StatusGroup } from './problems.js';
import { type HeaderName, type JsonSchema, type RouteSpec, routes } from './routes.js';

/** Version of the HTTP contract (not of the package): bump on every breaking change. */
export const API_VERSION = '1.1.0';

type Json = Record<string, unknown>;

const HEADERS: Record<HeaderName | 'X-Request-Id' | 'Allow', Json> = {
  'X-Request-Id': {
    description: 'Id of this request; the same as `requestId` in a problem body and in the logs.',
    schema: { type: 'string' },
  },
  Location: { description: 'The job to poll: `/jobs/{jobId}`.', schema: { type: 'string' } },
  'Retry-After': {
    description: 'Seconds to wait before the next request (poll or retry) is worth sending.',
    schema: { type: 'integer', minimum: 1 },
  },
  'Cache-Control': {
    description: 'How long the answer may be reused.',
    schema: { type: 'string' },
  },
  'Idempotent-Replayed': {
    description: 'Present on a replayed answer to a retried `Idempotency-Key` or redelivery.',
    schema: { type: 'string', const: 'true' },
  },
  'Original-Request-Id': {
    description: 'On a replay: the `X-Request-Id` of the request that produced the answer.',
    schema: { type: 'string' },
  },
  Allow: { description: 'The methods the path serves.', schema: { type: 'string' } },
};

/**
 * A header declared inline (not `$ref`'d) so `required` is visible to generators: `true` only
 * where every answer of that response carries it.
 */
const header = (name: keyof typeof HEADERS, required: boolean): Json => ({
  ...HEADERS[name],
  required,
});

/** What API Gateway answers on its own on this route (see `GatewayError`). */
function gatewayStatuses(route: RouteSpec): Set<number> {
  return new Set([
    ...(typeof route.auth === 'object' ? [401, 403] : []),
    ...(route.body ? [413] : []),
    429,
    500,
  ]);
}

/**
 * Collects schemas that have an `$id` into `components.schemas` (named by it, `$id` removed so
 * no relative base URI changes meaning inside the document) and answers a `$ref` to them.
 * Schemas without `$id` stay inline.
 */
class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};
  readonly #sources = new Map<string, JsonSchema>();

  ref(schema: JsonSchema): JsonSchema {
    const id = schema.$id;
    if (typeof id !== 'string') return schema;
    const known = this.#sources.get(id);
    if (known !== undefined && known !== schema) throw new Error(`Two schemas named ${id}`);
    if (known === undefined) {
      const { $id: _, ...rest } = schema;
      this.schemas[id] = rest;
      this.#sources.set(id, schema);
    }
    return { $ref: `#/components/schemas/${id}` };
  }
}

/**
 * A request body schema as the document states it: a property's `default` (what the service fills
 * in when it is left out) moves into its description. Generators read `default` as "always
 * present" (openapi-typescript makes such a property required), which is true of the validated
 * body but not of what a client must send.
 */
export function asRequestSchema(schema: JsonSchema): JsonSchema {
  const known = requestSchemas.get(schema);
  if (known) return known;
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (!properties) return schema;
  const stated = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => {
      if (!('default' in property)) return [name, property];
      const { default: value, ...rest } = property;
      const said = `Optional; \`${JSON.stringify(value)}\` when left out.`;
      const description =
        typeof rest.description === 'string' ? `${rest.description} ${said}` : said;
      return [name, { ...rest, description }];
    }),
  );
  const asStated = { ...schema, properties: stated };
  requestSchemas.set(schema, asStated);
  return asStated;
}
/** One stated form per schema object, so a schema used by two routes stays one component. */
const requestSchemas = new WeakMap<JsonSchema, JsonSchema>();

function queryParameters(query: JsonSchema): Json[] {
  const properties = (query.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((query.required ?? []) as string[]);
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    ...(typeof schema.description === 'string' && { description: schema.description }),
    schema,
  }));
}

function parameters(route: RouteSpec): Json[] {
  const path = Object.entries(route.pathParameters ?? {}).map(([name, schema]) => ({
    name,
    in: 'path',
    required: true,
    ...(typeof schema.description === 'string' && { description: schema.description }),
    schema,
  }));
  const headers = (route.requestHeaders ?? []).map((requestHeader) => ({
    name: requestHeader.name,
    in: 'header',
    required: false,
    description: requestHeader.description,
    schema: requestHeader.schema,
  }));
  return [...path, ...(route.query ? queryParameters(route.query) : []), ...headers];
}

const GATEWAY_CONTENT = {
  'application/json': { schema: { $ref: '#/components/schemas/GatewayError' } },
};

function problemContent(status: number, group: StatusGroup): Json {
  return {
    'application/problem+json': {
      schema: {
        allOf: [
          { $ref: '#/components/schemas/Problem' },
          {
            type: 'object',
            required: ['status', 'code'],
            properties: { status: { const: status }, code: { enum: group.codes } },
          },
        ],
      },
    },
  };
}

/** One error status of a route: our problems, API Gateway's own answer, or both. */
function errorResponse(route: RouteSpec, status: number, group: StatusGroup | undefined): Json {
  const byGateway = gatewayStatuses(route).has(status);
  const headers: Json = { 'X-Request-Id': header('X-Request-Id', !byGateway) };
  if (group && group.retryAfter !== 'never') {
    headers['Retry-After'] = header('Retry-After', group.retryAfter === 'always' && !byGateway);
  }
  if (group && route.replays) {
    headers['Idempotent-Replayed'] = header('Idempotent-Replayed', false);
    headers['Original-Request-Id'] = header('Original-Request-Id', false);
  }
  const described = (group?.codes ?? []).map(
    (code) => `\`${code}\`: ${problemCatalogue[code].title}.`,
  );
  if (byGateway) described.push('Or API Gateway’s own answer (`GatewayError`, no `X-Request-Id`).');
  return {
    description: described.join(' '),
    headers,
    content: {
      ...(group && problemContent(status, group)),
      ...(byGateway && GATEWAY_CONTENT),
    },
  };
}

function errorResponses(route: RouteSpec): Record<string, Json> {
  const groups = codesByStatus(route.problems);
  const statuses = [...new Set([...groups.keys(), ...gatewayStatuses(route)])].sort(
    (a, b) => a - b,
  );
  return Object.fromEntries(
    statuses.map((status) => [String(status), errorResponse(route, status, groups.get(status))]),
  );
}

function operation(route: RouteSpec, components: SchemaComponents): Json {
  const responses: Record<string, Json> = {};
  for (const success of route.success) {
    const headers: Json = { 'X-Request-Id': header('X-Request-Id', true) };
    for (const [name, when] of Object.entries(success.headers ?? {})) {
      headers[name] = header(name as HeaderName, when === 'always');
    }
    responses[String(success.status)] = {
      description: success.description,
      headers,
      ...(success.schema && {
        content: { 'application/json': { schema: components.ref(success.schema) } },
      }),
    };
  }
  const params = parameters(route);
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description && { description: route.description }),
    tags: [route.tag],
    security: typeof route.auth === 'object' ? [{ oauth2: [route.auth.scope] }] : [],
    ...(params.length > 0 && { parameters: params }),
    ...(route.body && {
      requestBody: {
        required: true,
        description: `JSON only (\`Content-Type: application/json\`; anything else is 415), at most ${route.body.maxBytes} bytes (413 beyond).`,
        'x-max-body-bytes': route.body.maxBytes,
        content: {
          'application/json': { schema: components.ref(asRequestSchema(route.body.schema)) },
        },
      },
    }),
    responses: { ...responses, ...errorResponses(route) },
  };
}

/** The `$default` route's answers to a request no operation matches. */
function unmatchedResponses(): Record<string, Json> {
  return {
    '404': {
      description: '`NOT_FOUND`: no route serves this path.',
      headers: { 'X-Request-Id': header('X-Request-Id', true) },
      content: problemContent(404, { codes: ['NOT_FOUND'], retryAfter: 'never' }),
    },
    '405': {
      description: '`METHOD_NOT_ALLOWED`: the path is served, but not with this method.',
      headers: { 'X-Request-Id': header('X-Request-Id', true), Allow: header('Allow', true) },
      content: problemContent(405, { codes: ['METHOD_NOT_ALLOWED'], retryAfter: 'never' }),
    },
  };
}

const SCOPE_TEXT = {
  [SCOPES.write]: 'Create protection groups.',
  [SCOPES.read]: 'Read jobs, active-active domains and protection groups.',
};

/** Builds the OpenAPI 3.1 document for the given route table. */
export function buildOpenApiDocument(table: readonly RouteSpec[] = routes): Json {
  const components = new SchemaComponents();
  components.ref(problemSchema);
  components.ref(gatewayErrorSchema);
  const paths: Record<string, Json> = {};
  for (const route of table) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route, components) };
  }
  const tags = [...new Set(table.map((route) => route.tag))];
  return {
    openapi: '3.1.0',
    info: {
      title: 'sdrs-bff',
      version: API_VERSION,
      description: DESCRIPTION,
      contact: { name: 'sdrs-bff maintainers' },
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: SERVERS,
    tags: tags.map((name) => ({ name, description: TAGS[name] ?? name })),
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        oauth2: {
          type: 'oauth2',
          description:
            'An access token from the JWT issuer the stage is deployed with (Amazon Cognito in the deploy guide), checked by the API Gateway JWT authorizer; each operation lists the scope it needs. The URLs below are Cognito’s shape: use your issuer’s.',
          flows: {
            authorizationCode: {
              authorizationUrl:
                'https://sdrs-bff.auth.ap-southeast-1.amazoncognito.com/oauth2/authorize',
              tokenUrl: 'https://sdrs-bff.auth.ap-southeast-1.amazoncognito.com/oauth2/token',
              scopes: SCOPE_TEXT,
            },
            clientCredentials: {
              tokenUrl: 'https://sdrs-bff.auth.ap-southeast-1.amazoncognito.com/oauth2/token',
              scopes: SCOPE_TEXT,
            },
          },
        },
      },
    },
    'x-unmatched-requests': {
      description:
        'A request no operation matches is answered by the catch-all route: 404 `NOT_FOUND` for an unknown path, 405 `METHOD_NOT_ALLOWED` with `Allow` for a known path with another method.',
      responses: unmatchedResponses(),
    },
    'x-problem-types': problemTypes(),
  };
}
