import { type ProblemCode, problemCatalogue } from './catalogue.js';

/** One violation in a request, pointing into the body (or query) with a JSON Pointer. */
export interface FieldProblem {
  readonly pointer: string;
  readonly detail: string;
}

/** What the upstream said, kept sanitised so a front end or an on-call engineer can act on it. */
export interface UpstreamDetails {
  readonly status?: number;
  readonly code?: string;
  readonly message?: string;
  readonly requestId?: string;
}

export interface ProblemErrorOptions extends ErrorOptions {
  /** Overrides the catalogue status where a code has two (502 vs 503 for UPSTREAM_UNAVAILABLE). */
  readonly status?: number;
  readonly detail?: string;
  readonly errors?: readonly FieldProblem[];
  readonly upstream?: UpstreamDetails;
  readonly retryAfterSeconds?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Base class of every failure that has a place in the problem catalogue. The error handler turns
 * it into an RFC 9457 body; anything that is not a `ProblemError` becomes `INTERNAL`.
 */
export class ProblemError extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly detail: string;
  readonly errors: readonly FieldProblem[] | undefined;
  readonly upstream: UpstreamDetails | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(code: ProblemCode, message: string, options: ProblemErrorOptions = {}) {
    super(message, options);
    this.name = 'ProblemError';
    this.code = code;
    this.status = options.status ?? problemCatalogue[code].status;
    // Every problem carries a sentence a front end can show; the catalogue's guidance is the fallback.
    this.detail = options.detail ?? problemCatalogue[code].guidance.replaceAll('`', '');
    this.errors = options.errors;
    this.upstream = options.upstream;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.headers = options.headers;
  }

  /**
   * The same problem with some members changed: same class, code, cause and (for an
   * `UpstreamError`) kind, so it is logged and answered like the original. The one way to adjust
   * a problem on its way out (a status for a retrying sender, a detail for a kept answer).
   */
  with(changes: Omit<ProblemErrorOptions, 'cause'>): this {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this;
    Object.defineProperties(copy, Object.getOwnPropertyDescriptors(this));
    return Object.assign(copy, changes);
  }
}

/** The request failed its JSON Schema; carries every violation at once. */
export class RequestValidationError extends ProblemError {
  constructor(errors: readonly FieldProblem[], detail = 'The request does not match the schema.') {
    super('VALIDATION_FAILED', detail, { detail, errors });
    this.name = 'RequestValidationError';
  }
}

/** How an upstream call failed, independent of the HTTP status it becomes. */
export type UpstreamFailureKind =
  | 'answered' // the upstream answered with an error
  | 'refused' // connection refused: nothing was sent
  | 'dns' // the host name did not resolve: nothing was sent
  | 'reset' // the connection broke after the request may have been sent
  | 'timeout'; // no complete answer within the timeout

export interface UpstreamErrorOptions extends ProblemErrorOptions {
  readonly kind: UpstreamFailureKind;
  /** The upstream said our signature or token is no longer valid: fetching the secret again may help. */
  readonly credentialsRejected?: boolean;
}

/** An upstream call failed; `kind` tells whether the request can have reached SDRS. */
export class UpstreamError extends ProblemError {
  readonly kind: UpstreamFailureKind;
  readonly credentialsRejected: boolean;

  constructor(code: ProblemCode, message: string, options: UpstreamErrorOptions) {
    super(code, message, options);
    this.name = 'UpstreamError';
    this.kind = options.kind;
    this.credentialsRejected = options.credentialsRejected ?? false;
  }

  /** True when the request provably never reached SDRS, so even a create may be sent again. */
  get provablyNotSent(): boolean {
    return this.kind === 'refused' || this.kind === 'dns';
  }
}
