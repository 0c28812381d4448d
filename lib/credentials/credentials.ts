import { inspect } from 'node:util';

/** Raised when the credentials secret cannot be read or does not have the documented shape. */
export class CredentialsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CredentialsError';
  }
}

/** SDRS's AK/SK; `securityToken` is set for temporary (STS-style) keys only. */
export interface SdrsCredentials {
  /** Access key id; appears in clear in `Authorization`. */
  readonly ak: string;
  /** Secret access key; only ever used as the HMAC key. */
  readonly sk: string;
  /** Temporary-credential token, sent and signed as `x-security-token`. */
  readonly securityToken?: string | undefined;
}

/**
 * Credentials as read from the secret: `toJSON` and `inspect` show only a masked access key, so a
 * stray `logger.info({ credentials })` cannot leak the secret.
 */
class MaskedCredentials implements SdrsCredentials {
  readonly ak: string;
  readonly sk: string;
  readonly securityToken: string | undefined;

  constructor(ak: string, sk: string, securityToken?: string) {
    this.ak = ak;
    this.sk = sk;
    this.securityToken = securityToken;
  }

  toJSON(): Record<string, string> {
    return { ak: `${this.ak.slice(0, 4)}…`, sk: '[redacted]' };
  }

  [inspect.custom](): string {
    return `SdrsCredentials(${JSON.stringify(this.toJSON())})`;
  }
}

/**
 * Parses the secret JSON `{"ak": "...", "sk": "...", "securityToken"?: "..."}`. Error messages
 * never quote the secret's content.
 */
export function parseCredentialsSecret(text: string, source: string): SdrsCredentials {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CredentialsError(`The credentials secret from ${source} is not JSON`, {
      cause: error instanceof Error ? new Error(error.name) : undefined,
    });
  }
  const record = (value ?? {}) as Record<string, unknown>;
  const { ak, sk, securityToken } = record;
  if (typeof ak !== 'string' || ak.trim() === '' || typeof sk !== 'string' || sk.trim() === '') {
    throw new CredentialsError(
      `The credentials secret from ${source} needs non-empty "ak" and "sk"`,
    );
  }
  if (securityToken !== undefined && (typeof securityToken !== 'string' || securityToken === '')) {
    throw new CredentialsError(
      `"securityToken" in the secret from ${source} must be a non-empty string`,
    );
  }
  return new MaskedCredentials(ak.trim(), sk.trim(), securityToken?.trim());
}
