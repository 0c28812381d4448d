/**
 * `npm run token -- --scope write [--scope read] [--sub alice] [--ttl 3600]`: prints a development
 * access token signed by the issuer of the running `AUTH_DISABLED=false npm start` (without
 * `--scope`: both scopes). Valid until that `npm start` stops (its key dies with it) or `--ttl`
 * seconds pass.
 */
import { parseArgs } from 'node:util';
import { mintToken, readIssuerState } from './local-gateway/issuer.js';

const { values } = parseArgs({
  options: {
    scope: { type: 'string', multiple: true, default: [] },
    sub: { type: 'string', default: 'local-developer' },
    ttl: { type: 'string', default: '3600' },
  },
});
const ttlSeconds = Number(values.ttl);
const listed = values.scope.flatMap((scope) => scope.split(/[\s,]+/)).filter(Boolean);
const scopes = values.scope.length > 0 ? listed : ['write', 'read'];
if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
  console.error('--ttl must be a positive number of seconds');
  process.exit(2);
}
try {
  const state = await readIssuerState();
  console.log(await mintToken(state, { scopes, sub: values.sub, ttlSeconds }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
