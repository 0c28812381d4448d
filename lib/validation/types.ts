/** The part of an ajv error object this service reads. */
export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** A build-time compiled validator: a type guard that leaves its errors on itself. */
export interface CompiledValidator<T> {
  (data: unknown): data is T;
  errors?: SchemaError[] | null;
}
