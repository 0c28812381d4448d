/**
 * Generates the OpenAPI 3.1 document from the route table and the schema objects in `schemas/`.
 * Pure: no file is read; the only input besides the imported objects is the problem `type` base
 * URL (`PROBLEM_TYPE_BASE_URL`), so the document names the same type URIs the responses carry.
 */
import { problemCatalogue } from '../problems/catalogue.js';
import { problemSchema } from './problem-schema.js';
import { codesByStatus, mayCarryRetryAfter, problemTypes } from './problems.js';
import { type HeaderName, type JsonSchema, type RouteSpec, routes } from './routes.js';

/** Version of the HTTP contract (not of the package): bump on every breaking change. */
export const API_VERSION = '1.0.0';

type Json = Record<string, unknown>;

const HEADERS: Record<HeaderName | 'X-Request-Id', Json> = {
  'X-Request-Id': {
    description: 'Id of this request; the same as `requestId` in a problem body and in the logs.',
    required: true,
    schema: { type: 'string' },
  },
  Location: {
    description: 'The job to poll: `/jobs/{jobId}`.',
    schema: { type: 'string' },
  },
  'Retry-After': {
    description: 'Seconds to wait before the next request (poll or retry) is worth sending.',
    schema: { type: 'integer', minimum: 1 },
  },
  'Cache-Control': {
    description: 'How long the answer may be reused.',
    schema: { type: 'string' },
  },
  'Idempotent-Replayed': {
    description: 'Present on a replayed answer to a retried `Idempotency-Key`.',
    schema: { type: 'string', const: 'true' },
  },
  'Original-Request-Id': {
    description: 'On a replay: the `X-Request-Id` of the request that produced the answer.',
    schema: { type: 'string' },
  },
};

const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

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
  const headers = (route.requestHeaders ?? []).map((header) => ({
    name: header.name,
    in: 'header',
    required: false,
    description: header.description,
    schema: header.schema,
  }));
  return [...path, ...(route.query ? queryParameters(route.query) : []), ...headers];
}

function problemResponses(route: RouteSpec): Record<string, Json> {
  const responses: Record<string, Json> = {};
  for (const [status, codes] of codesByStatus(route.problems)) {
    const headers: Json = { 'X-Request-Id': headerRef('X-Request-Id') };
    if (mayCarryRetryAfter(codes)) headers['Retry-After'] = headerRef('Retry-After');
    const content: Json = {
      'application/problem+json': {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/Problem' },
            { properties: { status: { const: status }, code: { enum: codes } } },
          ],
        },
      },
    };
    if (status === 401 && typeof route.auth === 'object') {
      content['application/json'] = {
        schema: {
          description: 'The API Gateway JWT authorizer’s own answer (no token, or a bad one).',
          type: 'object',
          properties: { message: { type: 'string' } },
        },
      };
    }
    responses[String(status)] = {
      description: codes.map((code) => `\`${code}\`: ${problemCatalogue[code].title}.`).join(' '),
      headers,
      content,
    };
  }
  return responses;
}

function operation(route: RouteSpec, components: SchemaComponents): Json {
  const responses: Record<string, Json> = {};
  for (const success of route.success) {
    const headers: Json = { 'X-Request-Id': headerRef('X-Request-Id') };
    for (const name of success.headers ?? []) headers[name] = headerRef(name);
    responses[String(success.status)] = {
      description: success.description,
      headers,
      content: { 'application/json': { schema: components.ref(success.schema) } },
    };
  }
  const params = parameters(route);
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description && { description: route.description }),
    tags: [route.tag],
    security: typeof route.auth === 'object' ? [{ jwt: [route.auth.scope] }] : [],
    ...(params.length > 0 && { parameters: params }),
    ...(route.body && {
      requestBody: {
        required: true,
        'x-max-body-bytes': route.body.maxBytes,
        content: { 'application/json': { schema: components.ref(route.body.schema) } },
      },
    }),
    responses: { ...responses, ...problemResponses(route) },
  };
}

const DESCRIPTION = `Backend-for-front-end that creates Huawei Cloud SDRS protection groups.

Every failure is \`application/problem+json\` (RFC 9457, schema \`Problem\`): switch on \`code\`;
\`x-problem-types\` lists every code with its type URI, status and what to do. \`errors[].pointer\`
is a JSON Pointer written as a URI fragment: into the body (\`#/name\`), or naming the query or path
parameter (\`#/limit\`, \`#/jobId\`). Every response carries \`X-Request-Id\`.

Extensions: the schema keyword \`x-maxBytes\` limits a string's length in UTF-8 bytes (SDRS counts
bytes, not characters); this service enforces it, generic validators may ignore it as an unknown
annotation. \`x-max-body-bytes\` on a request body is the largest body accepted (413 beyond).`;

/** Builds the OpenAPI 3.1 document for the given route table. */
export function buildOpenApiDocument(table: readonly RouteSpec[] = routes): Json {
  const components = new SchemaComponents();
  components.ref(problemSchema);
  const paths: Record<string, Json> = {};
  for (const route of table) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route, components) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'sdrs-bff', version: API_VERSION, description: DESCRIPTION },
    tags: [...new Set(table.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components.schemas,
      headers: HEADERS,
      securitySchemes: {
        jwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'Checked by the API Gateway JWT authorizer; the route also requires the listed scope.',
        },
      },
    },
    'x-problem-types': problemTypes(),
  };
}
