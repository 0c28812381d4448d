/**
 * The layering rule, checked by `npm test` (docs/CONTRIBUTING.md draws the picture):
 *
 *   handlers → lib/http → features → base
 *
 * features: lib/{protection-groups,lookups,reconcile,webhooks,outcomes,idempotency,openapi}
 * base:     lib/{upstream,problems,credentials,secrets,observability,validation,aws}, lib/config.ts,
 *           lib/routes.ts, schemas/
 * lib/dependencies.ts and lib/startup.ts build everything: only handlers and scripts use them.
 */
const FEATURES =
  '^lib/(protection-groups|lookups|reconcile|webhooks|outcomes|idempotency|openapi)/';
const BASE =
  '^lib/(upstream|problems|credentials|secrets|observability|validation|aws)/|^lib/(config|routes)[.]ts$';
const COMPOSITION = '^lib/(dependencies|startup)[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be understood (or tested) one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-not-to-handlers',
      comment: 'Handlers are the outermost layer: nothing imports them.',
      severity: 'error',
      from: { path: '^(lib|schemas|simulator)/' },
      to: { path: '^handlers/' },
    },
    {
      name: 'http-not-to-composition',
      comment: 'lib/http wraps routes; the handlers pass it what lib/dependencies.ts builds.',
      severity: 'error',
      from: { path: '^lib/http/' },
      to: { path: COMPOSITION },
    },
    {
      name: 'features-not-to-http',
      comment:
        'Features return values and throw ProblemErrors; lib/http turns them into HTTP answers.',
      severity: 'error',
      from: { path: FEATURES },
      to: { path: `^lib/http/|${COMPOSITION}` },
    },
    {
      name: 'base-not-up',
      comment:
        'The base (upstream, problems, configuration, schemas) knows no feature and no HTTP.',
      severity: 'error',
      from: { path: `${BASE}|^schemas/` },
      to: { path: `^lib/http/|${FEATURES}|${COMPOSITION}` },
    },
    {
      name: 'schemas-not-to-lib',
      comment: 'lib reads schemas; schemas are plain declarations and read nothing of lib.',
      severity: 'error',
      from: { path: '^schemas/' },
      to: { path: '^lib/' },
    },
    {
      name: 'product-not-to-tests-or-tools',
      comment:
        'What is deployed or started by `npm start` never reaches into tests, benchmarks or scripts.',
      severity: 'error',
      from: { path: '^(lib|handlers|schemas|simulator|ticketing-simulator)/' },
      to: { path: '^(test|bench|scripts)/' },
    },
    {
      name: 'service-not-to-simulator',
      comment:
        'The service talks to SDRS and the ticket systems over HTTP only; the simulators are separate programs.',
      severity: 'error',
      from: { path: '^(lib|handlers|schemas)/' },
      to: { path: '^(simulator|ticketing-simulator)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|generated)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mts', '.js', '.mjs', '.cjs', '.json'] },
  },
};
