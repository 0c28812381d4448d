/** The typed HTTP client: openapi-fetch over the types generated from the OpenAPI document. */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './generated/schema.js';

/** The client for every operation of the API (`client.GET('/jobs/{jobId}', …)`). */
export type SdrsBffClient = Client<paths>;

export interface SdrsBffClientOptions {
  /** The API's base URL, e.g. `http://localhost:3000` under `npm start`. */
  readonly baseUrl: string;
  /** The caller's access token (scopes `sdrs-bff/protection-groups.write`/`.read`), if any. */
  readonly accessToken?: () => string | undefined | Promise<string | undefined>;
  /** A fetch of your own (tests, instrumentation); the global one by default. */
  readonly fetch?: (request: Request) => Promise<Response>;
}

/**
 * Creates the typed client. Every request carries `Authorization: Bearer <token>` when
 * `accessToken` gives one.
 *
 * @example
 * const api = createSdrsBffClient({ baseUrl: 'http://localhost:3000' });
 * const { data, error } = await api.GET('/active-domains');
 */
export function createSdrsBffClient(options: SdrsBffClientOptions): SdrsBffClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch && { fetch: options.fetch }),
  });
  const token = options.accessToken;
  if (token) {
    client.use({
      async onRequest({ request }) {
        const value = await token();
        if (value) request.headers.set('authorization', `Bearer ${value}`);
        return request;
      },
    });
  }
  return client;
}
