import { type ProblemCode, problemCatalogue } from '../problems/catalogue.js';

/** Every catalogue code, for the problem schema's `code` enum. */
export const problemCodes = Object.keys(problemCatalogue) as ProblemCode[];

/** The RFC 9457 body of every failure (`application/problem+json`); built by `problemBody` (lib/problems/body.ts). */
export const problemSchema = {
  $id: 'Problem',
  title: 'Problem',
  type: 'object',
  required: ['type', 'title', 'status', 'instance', 'code', 'requestId', 'retryable'],
  properties: {
    type: { type: 'string', format: 'uri-reference', description: 'Identifies the problem type.' },
    title: { type: 'string', description: 'Short summary of the type; the same every time.' },
    status: { type: 'integer', minimum: 400, maximum: 599, description: 'The HTTP status.' },
    detail: { type: 'string', description: 'This occurrence, for humans.' },
    instance: { type: 'string', description: '`urn:request:{requestId}`.' },
    code: { type: 'string', enum: problemCodes, description: 'Stable name to switch on.' },
    requestId: { type: 'string', description: 'Same as the `X-Request-Id` header.' },
    retryable: {
      type: 'boolean',
      description: 'Retrying unchanged can succeed (after `Retry-After` when present).',
    },
    errors: {
      type: 'array',
      description: 'Every validation problem at once.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['pointer', 'detail'],
        properties: {
          pointer: {
            type: 'string',
            description:
              'JSON Pointer as a URI fragment: into the body (`#/name`), or naming the query or path parameter (`#/limit`, `#/jobId`).',
          },
          detail: { type: 'string' },
        },
      },
    },
    upstream: {
      type: 'object',
      additionalProperties: false,
      description: 'What SDRS answered, when it answered (sanitised).',
      properties: {
        status: { type: 'integer' },
        code: { type: 'string' },
        message: { type: 'string' },
        requestId: { type: 'string' },
      },
    },
  },
} as const;

/**
 * The body API Gateway itself answers with before any function runs: the JWT authorizer's 401
 * and 403, a body over its 10 MB limit (413), throttling (429), a function that failed or refused
 * to start (500). Not problem+json, and without `X-Request-Id`.
 */
export const gatewayErrorSchema = {
  $id: 'GatewayError',
  title: 'GatewayError',
  type: 'object',
  required: ['message'],
  properties: {
    message: {
      type: 'string',
      description:
        '`Unauthorized`, `Forbidden`, `Request Entity Too Large`, `Too Many Requests` or `Internal Server Error`.',
    },
  },
} as const;
