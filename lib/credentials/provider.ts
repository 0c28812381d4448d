import { CachedValue } from '../secrets/cached-value.js';
import type { SdrsCredentials } from './credentials.js';

/** Where the upstream credentials come from. */
export interface CredentialsProvider {
  /** The cached credentials, fetched when older than the bounded age. */
  get(): Promise<SdrsCredentials>;
  /** Fetches again now: called once when the upstream says the signature or token went stale. */
  refresh(): Promise<SdrsCredentials>;
}

export type CredentialsFetcher = () => Promise<SdrsCredentials>;

/** Credentials cached for a bounded age, fetched once for all concurrent callers. */
export class CachedCredentialsProvider
  extends CachedValue<SdrsCredentials>
  implements CredentialsProvider {}
