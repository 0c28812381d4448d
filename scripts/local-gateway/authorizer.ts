/**
 * The HTTP API's JWT authorizer, for `npm start`: what API Gateway checks before a protected
 * route's function runs. The token must be signed (RS256/384/512) by a key of the issuer's JWKS
 * (found through its OpenID discovery document), carry its `iss`, name the audience in `aud` (or,
 * without `aud`, in `client_id`, as Cognito access tokens do), be inside `nbf`..`exp`, and grant
 * the route's scope in `scope` or `scp`.
 */
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { grantedScopes } from '../../lib/http/middlewares/require-scope.js';

/** Verified claims as API Gateway hands them to the function. */
export interface VerifiedToken {
  readonly claims: JWTPayload;
  readonly scopes: string[];
}

/** API Gateway's own refusals: 401 for a bad or missing token, 403 for a missing scope. */
export class AuthorizerRejection extends Error {
  constructor(
    readonly status: 401 | 403,
    reason: string,
  ) {
    super(reason);
    this.name = 'AuthorizerRejection';
  }
}

export interface JwtAuthorizerOptions {
  readonly issuer: string;
  readonly audience: string;
}

export type JwtAuthorizer = (
  authorization: string | undefined,
  requiredScope: string,
) => Promise<VerifiedToken>;

/** Builds the authorizer; the JWKS location is discovered on first use and its keys cached. */
export function jwtAuthorizer(options: JwtAuthorizerOptions): JwtAuthorizer {
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;
  const keySet = async () => {
    if (keys) return keys;
    const discovery = `${options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(discovery);
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: string };
    if (!response.ok || typeof jwksUri !== 'string') {
      throw new Error(`The issuer's discovery document ${discovery} names no jwks_uri`);
    }
    keys = createRemoteJWKSet(new URL(jwksUri));
    return keys;
  };
  return async (authorization, requiredScope) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1] ?? authorization;
    if (!token) throw new AuthorizerRejection(401, 'no token');
    const jwks = await keySet(); // an unreachable issuer is a gateway failure, not a bad token
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        algorithms: ['RS256', 'RS384', 'RS512'],
        requiredClaims: ['exp'],
        clockTolerance: 0,
      }));
    } catch (error) {
      throw new AuthorizerRejection(401, `invalid token (${(error as Error).name})`);
    }
    const audiences = claims.aud === undefined ? [claims.client_id] : [claims.aud].flat();
    if (!audiences.includes(options.audience)) {
      throw new AuthorizerRejection(401, 'invalid token (audience)');
    }
    const scopes = [...grantedScopes(claims)].filter((scope) => scope !== '');
    if (!scopes.includes(requiredScope)) throw new AuthorizerRejection(403, 'missing scope');
    return { claims, scopes };
  };
}
