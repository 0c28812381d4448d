import { ProblemError } from '../problems/errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Strict UTF-8: malformed bytes are a 400, never silently turned into U+FFFD. */
export function decodeUtf8(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ProblemError('MALFORMED_JSON', 'Body is not UTF-8', {
      detail: 'The body is not valid UTF-8.',
    });
  }
}

/** A body of nothing or only white space is a 400 that says so, not "not valid JSON". */
export function refuseEmptyText(text: string): void {
  if (text.trim() === '') {
    throw new ProblemError('MALFORMED_JSON', 'Empty body', {
      detail: 'The body is empty: send a JSON object.',
    });
  }
}

/** The problem for a body that is not JSON (the parser's message is not echoed). */
export function malformedJson(cause?: unknown): ProblemError {
  return new ProblemError('MALFORMED_JSON', 'Body is not JSON', {
    detail: 'The body is not valid JSON.',
    cause,
  });
}

/** `JSON.parse` whose failure is a 400 problem (the parser's message is not echoed). */
export function parseJsonText(text: string): unknown {
  refuseEmptyText(text);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw malformedJson(error);
  }
}
