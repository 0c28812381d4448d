/**
 * The development JWT issuer of `npm start`: an RSA key generated at every start (never stored
 * in the tree), its public half served as a JWKS with an OpenID discovery document on loopback,
 * and the private half written to a file only its owner can read, for `npm run token`.
 */
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { SCOPES } from '../../lib/routes.js';
import { writePrivateFile } from '../private-file.js';

/** Where `npm start` leaves the running issuer's signing key for `npm run token`. */
export const ISSUER_STATE_FILE = resolve('.local/dev-issuer.json');
/** RS256, as the gateway's JWT authorizers (Cognito among them) sign access tokens. */
const ALGORITHM = 'RS256';

/** What `npm run token` needs: the issuer, the audience and the private signing key. */
export interface IssuerState {
  readonly issuer: string;
  readonly audience: string;
  readonly privateJwk: JWK;
}

export interface LocalIssuer extends IssuerState {
  close(): Promise<void>;
}

/** Starts the issuer on 127.0.0.1:`port` (0 = any free port) and writes {@link ISSUER_STATE_FILE}. */
export async function startLocalIssuer(options: {
  readonly audience: string;
  readonly port?: number;
  readonly stateFile?: string;
}): Promise<LocalIssuer> {
  const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' }] };
  let issuer = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const documents: Record<string, unknown> = {
      '/.well-known/openid-configuration': {
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        id_token_signing_alg_values_supported: [ALGORITHM],
      },
      '/.well-known/jwks.json': jwks,
    };
    const document = request.method === 'GET' ? documents[path] : undefined;
    response.writeHead(document ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(document ?? { message: 'Not Found' }));
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const state: IssuerState = {
    issuer,
    audience: options.audience,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM },
  };
  const stateFile = options.stateFile ?? ISSUER_STATE_FILE;
  await writePrivateFile(stateFile, JSON.stringify(state));
  return {
    ...state,
    // The key dies with the issuer: no token can be minted for a stack that is gone.
    close: async () => {
      await rm(stateFile, { force: true });
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** What a development token says about its caller. */
export interface TokenRequest {
  /** Scope names, or the short forms `write` and `read`. */
  readonly scopes: readonly string[];
  readonly sub: string;
  /** Lifetime in seconds (default 3600). */
  readonly ttlSeconds?: number;
}

/** `write`/`read` → the full scope names the routes require; anything else as given. */
function fullScopeName(scope: string): string {
  return scope === 'write' || scope === 'read' ? SCOPES[scope] : scope;
}

/** Signs an access token with the running issuer's key: `iss`, `aud`, `sub`, `scope`, `iat`/`nbf`/`exp`. */
export async function mintToken(state: IssuerState, request: TokenRequest): Promise<string> {
  const key = await importJWK(state.privateJwk, ALGORITHM);
  return new SignJWT({ scope: request.scopes.map(fullScopeName).join(' '), token_use: 'access' })
    .setProtectedHeader({ alg: ALGORITHM, kid: state.privateJwk.kid, typ: 'JWT' })
    .setIssuer(state.issuer)
    .setAudience(state.audience)
    .setSubject(request.sub)
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime(`${request.ttlSeconds ?? 3600}s`)
    .setJti(crypto.randomUUID())
    .sign(key);
}

/** Reads the running issuer's state; explains what to do when `npm start` is not running. */
export async function readIssuerState(stateFile = ISSUER_STATE_FILE): Promise<IssuerState> {
  const text = await readFile(stateFile, 'utf8').catch(() => {
    throw new Error(
      `No development issuer at ${stateFile}: start the API with authentication on first (AUTH_DISABLED=false npm start).`,
    );
  });
  return JSON.parse(text) as IssuerState;
}
