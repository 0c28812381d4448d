/**
 * Signature verification for the simulator: the OFFICIAL Huawei signer (via
 * simulator/official-signer.ts) for every body it can represent (empty, or exactly
 * `JSON.stringify` output — what real clients send), and the byte-level verifier otherwise.
 */
import { verifySignature as verifyOfficial } from './official-signer.js';
import { type RawVerifyResult, verifyRawSignature } from './raw-verifier.js';

/** What is verified. */
export interface SignatureInput {
  method: string;
  url: URL;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  body: Buffer;
  credentials: { ak: string; sk: string; securityToken?: string };
  now: Date;
}

/** True when the body is empty or exactly what `JSON.stringify` produces for its parsed value. */
export function officialCanRepresent(body: Buffer): boolean {
  if (body.length === 0) return true;
  try {
    return Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))), 'utf8').equals(body);
  } catch {
    return false;
  }
}

/** Verify a request signature; `verifier` tells which implementation decided. */
export function verifySignature(
  input: SignatureInput,
): RawVerifyResult & { verifier: 'official' | 'raw' } {
  if (officialCanRepresent(input.body)) {
    return { ...verifyOfficial(input), verifier: 'official' };
  }
  const { ak, sk } = input.credentials;
  return { ...verifyRawSignature(input, ak, sk), verifier: 'raw' };
}
