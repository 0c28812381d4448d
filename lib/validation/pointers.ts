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
    const detail =
      error.keyword === 'required'
        ? 'is required'
        : error.keyword === 'additionalProperties'
          ? 'is not an allowed property'
          : (error.message ?? `fails ${error.keyword}`);
    return { pointer: `#${path}`, detail };
  });
}
