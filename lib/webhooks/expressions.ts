import {
  ArityError,
  EmptyExpressionError,
  LexerError,
  ParseError,
  search,
  UnknownFunctionError,
} from '@aws-lambda-powertools/jmespath';
import { ConfigurationError } from '../config.js';

/**
 * Fails fast on an expression that can never work (syntax, unknown function, wrong arity) by
 * evaluating it once against `{}`; errors that depend on the data are left for delivery time.
 */
export function checkExpression(expression: string, where: string): void {
  try {
    search(expression, {});
  } catch (error) {
    const isStatic =
      error instanceof LexerError ||
      error instanceof ParseError ||
      error instanceof EmptyExpressionError ||
      error instanceof UnknownFunctionError ||
      error instanceof ArityError;
    if (isStatic) {
      throw new ConfigurationError(
        `Webhook source ${where}: invalid JMESPath "${expression}" (${(error as Error).message})`,
      );
    }
  }
}

/** The outcome of one expression on one payload. */
export type Evaluation = { ok: true; value: unknown } | { ok: false; message: string };

/** Evaluates a JMESPath expression on a payload; a runtime error becomes a message, not a throw. */
export function evaluate(expression: string, payload: unknown): Evaluation {
  try {
    return { ok: true, value: search(expression, payload as object) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A string or finite number as text, anything else (null, objects, '') as undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
