/**
 * From a verified ticket payload to what the create path needs: the delivery id (deduplication
 * key), the ticket reference, and the create body — checked by the same build-time validator as
 * the front end's `POST /protection-groups`.
 */
import type { CreateProtectionGroupRequest } from '../../schemas/index.js';
import type { FieldProblem } from '../problems/errors.js';
import { toFieldProblems } from '../validation/pointers.js';
import { validateCreateProtectionGroup } from '../validation/validators.js';
import type { CreateField, WebhookSource } from './config-types.js';
import { WebhookPayloadError } from './errors.js';
import { asText, evaluate } from './expressions.js';
import type { Headers } from './verify.js';

const MAX_DELIVERY_ID_CHARS = 256;
const MAX_TICKET_CHARS = 128;

/** False when the source's `when` expression is set and falsy (JMESPath truthiness) for this payload. */
export function isWanted(source: WebhookSource, payload: unknown): boolean {
  if (source.when === undefined) return true;
  const result = evaluate(source.when, payload);
  if (!result.ok) return false;
  const { value } = result;
  if (value === null || value === false || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** The id that stays the same on every redelivery of one event (422 when it is missing). */
export function deliveryIdOf(source: WebhookSource, headers: Headers, payload: unknown): string {
  const spec = source.deliveryId;
  let id: string | undefined;
  let from: string;
  if ('header' in spec) {
    id = headers[spec.header]?.trim() || undefined;
    from = `header ${spec.header}`;
  } else {
    const result = evaluate(spec.expression, payload);
    id = result.ok ? asText(result.value) : undefined;
    from = `expression \`${spec.expression}\``;
  }
  if (id === undefined || id.length > MAX_DELIVERY_ID_CHARS) {
    throw new WebhookPayloadError(
      `The delivery id (${from}) is missing or longer than ${MAX_DELIVERY_ID_CHARS} characters.`,
    );
  }
  return id;
}

/** The ticket reference (e.g. `DR-42`), or undefined when the source names none or it is absent. */
export function ticketOf(source: WebhookSource, payload: unknown): string | undefined {
  if (source.ticket === undefined) return undefined;
  const result = evaluate(source.ticket, payload);
  const ticket = result.ok ? asText(result.value) : undefined;
  return ticket?.slice(0, MAX_TICKET_CHARS);
}

function pointerField(pointer: string): string | undefined {
  return /^#\/([^/]+)/.exec(pointer)?.[1];
}

/** Says where a failing field came from, so the person fixing the ticket or mapping knows. */
function annotate(problem: FieldProblem, source: WebhookSource): FieldProblem {
  const field = pointerField(problem.pointer) as CreateField | undefined;
  const expression = field && source.mapping[field];
  const origin = expression
    ? `mapped from \`${expression}\``
    : `no mapping in source "${source.name}"`;
  return { pointer: problem.pointer, detail: `${problem.detail} (${origin})` };
}

/**
 * Evaluates the source's mapping on the payload and validates the result with the front end's
 * schema. Fields whose expression yields null are left out (so a required one is reported as
 * missing); every failure is reported at once, each with a pointer into the create body.
 */
export function mapCreateBody(
  source: WebhookSource,
  payload: unknown,
): CreateProtectionGroupRequest {
  const body: Record<string, unknown> = {};
  const failures: FieldProblem[] = [];
  for (const [field, expression] of Object.entries(source.mapping)) {
    const result = evaluate(expression, payload);
    if (!result.ok) {
      failures.push({
        pointer: `#/${field}`,
        detail: `the expression \`${expression}\` failed on this payload: ${result.message}`,
      });
    } else if (result.value !== null && result.value !== undefined) {
      body[field] = result.value;
    }
  }
  const valid = validateCreateProtectionGroup(body);
  if (failures.length === 0 && valid) return body;
  const schemaProblems = valid
    ? []
    : toFieldProblems(validateCreateProtectionGroup.errors).map((p) => annotate(p, source));
  const failed = new Set(failures.map((f) => f.pointer));
  throw new WebhookPayloadError('The payload does not map to a valid create request.', [
    ...failures,
    ...schemaProblems.filter((p) => !failed.has(p.pointer)),
  ]);
}
