// Compiles the JSON Schemas into validators (scripts/build-validators.ts) before every package,
// deploy or offline start: the generated modules are not committed, so a fresh clone can run
// `serverless package` directly, and a deploy never ships validators older than `schemas/`.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

class BuildValidators {
  constructor(serverless) {
    const root = serverless.config.servicePath;
    let built = false;
    const build = () => {
      if (built) return;
      built = true;
      execFileSync(
        process.execPath,
        ['--import', 'tsx', path.join('scripts', 'build-validators.ts')],
        {
          cwd: root,
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
    };
    // The events serverless-esbuild bundles on, or earlier ones of the same command.
    this.hooks = {
      'before:package:initialize': build,
      'before:deploy:function:packageFunction': build,
      'before:offline:start': build,
      'before:offline:start:init': build,
      'before:invoke:local:invoke': build,
    };
  }
}

module.exports = BuildValidators;
