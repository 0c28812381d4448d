import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { handler as openApiHandler } from '../../handlers/get-openapi.js';
import { type Answer, invoke } from '../lookups/support.js';

// biome-ignore lint/suspicious/noExplicitAny: the document is untyped JSON
export type OpenApiDocument = any;

/** Response headers the document declares; every one an answer carries must be declared. */
const DOCUMENTED_HEADERS = [
  'x-request-id',
  'location',
  'retry-after',
  'cache-control',
  'idempotent-replayed',
  'original-request-id',
];

/** Escapes one JSON Pointer token and makes it safe inside a URI fragment. */
const token = (segment: string) =>
  encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'));

/** The served document (`GET /openapi.json` through the real handler). */
export async function fetchDocument(): Promise<OpenApiDocument> {
  const answer = await invoke(openApiHandler, { path: '/openapi.json', auth: 'none' });
  if (answer.status !== 200) throw new Error(`GET /openapi.json answered ${answer.status}`);
  return answer.body;
}

/**
 * Checks real answers against the document: the status is declared for the operation, the body
 * matches the declared schema for its content type (ajv, JSON Schema 2020-12, `x-maxBytes` and
 * the formats enforced), and every documented header the answer carries is declared.
 */
export class Contract {
  readonly #ajv: Ajv2020;
  readonly #validators = new Map<string, ValidateFunction>();

  constructor(readonly doc: OpenApiDocument) {
    // strict: false because the document root holds OpenAPI members (paths, info…), not keywords.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true });
    this.#ajv.addKeyword({
      keyword: 'x-maxBytes',
      type: 'string',
      schemaType: 'number',
      validate: (max: number, data: string) => Buffer.byteLength(data, 'utf8') <= max,
    });
    this.#ajv.addFormat('date-time', {
      type: 'string',
      validate: (s) =>
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(s) && !Number.isNaN(Date.parse(s)),
    });
    this.#ajv.addFormat('uri-reference', { type: 'string', validate: (s) => !/\s/.test(s) });
    this.#ajv.addSchema(doc, 'openapi');
  }

  /** Throws a readable error unless `answer` is a documented answer of `method path`. */
  check(method: string, path: string, answer: Answer): void {
    const where = `${method.toUpperCase()} ${path} → ${answer.status}`;
    const response = this.doc.paths?.[path]?.[method]?.responses?.[String(answer.status)];
    if (!response) throw new Error(`${where}: status not documented`);
    const contentType = String(answer.headers['content-type'] ?? '').split(';')[0] ?? '';
    if (!response.content?.[contentType])
      throw new Error(`${where}: ${contentType} not documented`);
    const pointer = [
      'paths',
      path,
      method,
      'responses',
      String(answer.status),
      'content',
      contentType,
      'schema',
    ]
      .map(token)
      .join('/');
    let validate = this.#validators.get(pointer);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `openapi#/${pointer}` });
      this.#validators.set(pointer, validate);
    }
    if (!validate(answer.body)) {
      throw new Error(`${where}: body fails the schema: ${this.#ajv.errorsText(validate.errors)}`);
    }
    const declared = Object.keys(response.headers ?? {}).map((name) => name.toLowerCase());
    for (const name of DOCUMENTED_HEADERS) {
      if (name in answer.headers && !declared.includes(name)) {
        throw new Error(`${where}: header ${name} sent but not documented`);
      }
    }
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      const required = (header as { $ref?: string }).$ref
        ? this.doc.components.headers[name]?.required
        : (header as { required?: boolean }).required;
      if (required && !(name.toLowerCase() in answer.headers)) {
        throw new Error(`${where}: required header ${name} missing`);
      }
    }
  }
}
