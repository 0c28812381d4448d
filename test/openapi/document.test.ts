import { readFile } from 'node:fs/promises';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../handlers/get-openapi.js';
import { asRequestSchema, buildOpenApiDocument } from '../../lib/openapi/document.js';
import { routes } from '../../lib/openapi/routes.js';
import { problemCatalogue } from '../../lib/problems/catalogue.js';
import { createProtectionGroupSchema } from '../../schemas/create-protection-group.js';
import { listProtectionGroupsQuerySchema } from '../../schemas/lookups.js';
import { invoke } from '../lookups/support.js';
import { fetchDocument, type OpenApiDocument } from './contract.js';

describe('GET /openapi.json', () => {
  let doc: OpenApiDocument;

  beforeAll(async () => {
    doc = await fetchDocument();
  });

  it('is served to anyone as JSON with X-Request-Id and a cache lifetime', async () => {
    // Act
    const answer = await invoke(handler, { path: '/openapi.json', auth: 'none' });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['cache-control']).toBe('public, max-age=300');
    expect(answer.headers['x-request-id']).toEqual(expect.any(String));
    expect(answer.body.openapi).toBe('3.1.0');
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    // Prepare
    const validator = new Validator();

    // Act
    const result = await validator.validate(doc);

    // Assess
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents every route serverless.yml deploys', async () => {
    // Prepare: every `method: X` + `path: /y` pair of an httpApi event (the catch-all has none).
    const yml = await readFile(new URL('../../serverless.yml', import.meta.url), 'utf8');
    const deployed = [...yml.matchAll(/method:\s*(\w+)\s*[,\n]\s*path:\s*'?([^\s',]+)/g)].map(
      ([, method, path]) => `${method?.toLowerCase()} ${path}`,
    );

    // Act
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item as object).map((method) => `${method} ${path}`),
    );

    // Assess
    expect(deployed.length).toBeGreaterThanOrEqual(6);
    expect(documented.sort()).toEqual(expect.arrayContaining(deployed.sort()));
  });

  it('uses the validators’ own schemas for the create body and the list query', () => {
    // Prepare
    const { $id: _, ...createBody } = asRequestSchema(createProtectionGroupSchema);
    const list = doc.paths['/protection-groups'].get;

    // Act
    const query = Object.fromEntries(
      list.parameters.map((p: { name: string; schema: unknown }) => [p.name, p.schema]),
    );

    // Assess
    expect(doc.components.schemas.CreateProtectionGroupRequest).toEqual(createBody);
    expect(query).toEqual(listProtectionGroupsQuerySchema.properties);
    expect(list.parameters.every((p: { in: string }) => p.in === 'query')).toBe(true);
    expect(
      doc.components.schemas.CreateProtectionGroupRequest.properties.description,
    ).toHaveProperty('x-maxBytes', 64);
  });

  it('states a default the service fills in without making the property look always present', () => {
    // Act
    const drType = doc.components.schemas.CreateProtectionGroupRequest.properties.drType;

    // Assess
    expect(createProtectionGroupSchema.properties.drType.default).toBe('migration');
    expect(drType).not.toHaveProperty('default');
    expect(drType).toEqual({
      type: 'string',
      enum: ['migration'],
      description: 'Optional; `"migration"` when left out.',
    });
  });

  it('lists every catalogue code in the problem schema and in x-problem-types', () => {
    // Prepare
    const codes = Object.keys(problemCatalogue);

    // Act
    const enumCodes = doc.components.schemas.Problem.properties.code.enum;
    const types = doc['x-problem-types'];

    // Assess
    expect(enumCodes).toEqual(codes);
    expect(types.map((t: { code: string }) => t.code)).toEqual(codes);
    const jobFailed = types.find((t: { code: string }) => t.code === 'UPSTREAM_JOB_FAILED');
    expect(jobFailed).toMatchObject({ status: 422, retryable: false });
    expect(jobFailed.type).toMatch(/\/upstream-job-failed$/);
  });

  it('documents the headers: Idempotency-Key in, Location and Retry-After out, X-Request-Id always', () => {
    // Prepare
    const create = doc.paths['/protection-groups'].post;
    const job = doc.paths['/jobs/{jobId}'].get;
    const headersOf = (response: { headers?: object }) => Object.keys(response.headers ?? {});

    // Act
    const everyResponse = Object.values(doc.paths).flatMap((item) =>
      Object.values(item as object).flatMap((op) => Object.values(op.responses)),
    ) as { headers?: object }[];

    // Assess
    expect(create.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
    );
    expect(create.responses['202'].headers.Location.required).toBe(true);
    expect(job.responses['200'].headers['Retry-After'].required).toBe(false);
    expect(job.responses['200'].headers['X-Request-Id'].required).toBe(true);
    // 429 and 401 may come from API Gateway itself, which sends neither header.
    expect(job.responses['429'].headers['Retry-After'].required).toBe(false);
    expect(job.responses['401'].headers['X-Request-Id'].required).toBe(false);
    expect(create.responses['503'].headers['Retry-After'].required).toBe(true);
    expect(create.responses['502'].headers).not.toHaveProperty('Retry-After');
    expect(everyResponse.every((r) => headersOf(r).includes('X-Request-Id'))).toBe(true);
    expect(JSON.stringify(doc)).not.toContain('#/components/headers/');
  });

  it('declares the gateway’s own answers beside the service’s problems', () => {
    // Prepare
    const create = doc.paths['/protection-groups'].post;
    const webhook = doc.paths['/webhooks/{source}'].post;

    // Act
    const contentTypes = (status: string) => Object.keys(create.responses[status].content);

    // Assess
    for (const status of ['401', '403', '413', '429', '500']) {
      expect(contentTypes(status)).toEqual(['application/problem+json', 'application/json']);
    }
    expect(webhook.responses).not.toHaveProperty('403');
    expect(doc.components.schemas.GatewayError.required).toEqual(['message']);
  });

  it('lists the scopes on an OAuth2 scheme every front-end operation names', () => {
    // Prepare
    const scheme = doc.components.securitySchemes.oauth2;

    // Act
    const used = Object.values(doc.paths).flatMap((item) =>
      Object.values(item as object).flatMap((op) =>
        (op.security as Record<string, string[]>[]).flatMap((s) => s.oauth2 ?? []),
      ),
    );

    // Assess
    expect(new Set(used)).toEqual(
      new Set(['sdrs-bff/protection-groups.write', 'sdrs-bff/protection-groups.read']),
    );
    for (const flow of Object.values(scheme.flows) as { scopes: object }[]) {
      expect(Object.keys(flow.scopes).sort()).toEqual([...new Set(used)].sort());
    }
  });

  it('compiles every component schema with a strict JSON Schema 2020-12 validator', () => {
    // Prepare
    const ajv = new Ajv2020({ strict: true, validateFormats: false });
    ajv.addKeyword({ keyword: 'x-maxBytes', type: 'string', schemaType: 'number' });
    ajv.addKeyword({ keyword: 'x-text', type: 'string', schemaType: 'string' });

    // Act
    const compile = () => {
      for (const [name, schema] of Object.entries(doc.components.schemas)) {
        ajv.addSchema(schema as object, `#/components/schemas/${name}`);
      }
      for (const name of Object.keys(doc.components.schemas)) {
        ajv.getSchema(`#/components/schemas/${name}`);
      }
    };

    // Assess
    expect(compile).not.toThrow();
  });

  it('grows by one path when the route table gets one more entry', () => {
    // Prepare
    const extra = {
      method: 'get' as const,
      path: '/example/{id}',
      operationId: 'getExample',
      summary: 'An example',
      tag: 'examples',
      auth: 'public' as const,
      pathParameters: { id: { type: 'string' } },
      success: [{ status: 200, description: 'ok', schema: { type: 'object' } }],
      problems: ['NOT_FOUND' as const, 'INTERNAL' as const],
    };

    // Act
    const grown = buildOpenApiDocument([...routes, extra]) as OpenApiDocument;

    // Assess
    expect(Object.keys(grown.paths)).toEqual([...Object.keys(doc.paths), '/example/{id}']);
    expect(Object.keys(grown.paths['/example/{id}'].get.responses)).toEqual([
      '200',
      '404',
      '429',
      '500',
    ]);
    expect(grown.paths['/example/{id}'].get.security).toEqual([]);
  });
});
