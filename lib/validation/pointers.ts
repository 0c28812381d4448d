import type { FieldProblem } from '../problems/errors.js';
import type { SchemaError } from './types.js';

function escapeToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * Turns ajv errors into RFC 9457 `errors[]` entries with JSON Pointers (`#/name`). For a missing
 * or unknown property the pointer names that property, not its parent object.
 */
export function toFieldProblems(errors: readonly SchemaError[] | null | undefined): FieldProblem[] {
  return (errors ?? []).map((error) => {
    let path = error.instancePath;
    const { missingProperty, additionalProperty } = error.params;
    if (error.keyword === 'required' && typeof missingProperty === 'string') {
      path += `/${escapeToken(missingProperty)}`;
    } else if (error.keyword === 'additionalProperties' && typeof additionalProperty === 'string') {
      path += `/${escapeToken(additionalProperty)}`;
    }
    return { pointer: `#${path}`, detail: sentence(error) };
  });
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/**
 * A short sentence a front end can show next to the field, for the keywords our schemas use;
 * ajv's own text ("must NOT have fewer than 1 characters") for anything else.
 */
function sentence(error: SchemaError): string {
  const { params } = error;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not an allowed property';
    case 'minLength':
      return params.limit === 1
        ? 'must not be empty'
        : `must be at least ${params.limit} characters long`;
    case 'maxLength':
      return `must be at most ${params.limit} characters long`;
    case 'minimum':
      return `must be at least ${params.limit}`;
    case 'maximum':
      return `must be at most ${params.limit}`;
    case 'type':
      return `must be ${[params.type].flat().map(String).map(article).join(' or ')}`;
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}
