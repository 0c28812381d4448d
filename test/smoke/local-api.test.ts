import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type LocalApi, startLocalApi } from '../support/local-api.js';
import { runProcess } from '../support/run-process.js';
import { attackerReproTests } from './attacker-repros.js';
import { browserTests } from './browser.js';
import { frontEndFlowTests } from './front-end-flow.js';
import { frontEndKitTests } from './front-end-kit.js';
import type { SmokeStack } from './stack.js';
import { ticketOutcomeTests } from './ticket-outcomes.js';

const CHROMIUM = '/usr/bin/chromium'; // Debian's package (.ci/run installs it)

async function servePage(port: number): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>front end</title><p>front end</p>');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

/** `npm run token -- …` as the README says, against the running stack's issuer. */
async function mint(...args: string[]): Promise<string> {
  const result = await runProcess('npx', ['tsx', 'scripts/token.ts', ...args], {});
  if (result.code !== 0) throw new Error(`npm run token failed: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * One `npm start` (authentication on, AUTH_DISABLED=false) for every smoke test: two
 * serverless-offline instances in one work tree would share `.esbuild/`, and one can break the
 * other's bundles.
 */
describe('npm start with authentication on: the local gateway in front of serverless-offline', () => {
  let smoke: SmokeStack | undefined;
  let api: LocalApi | undefined;
  let pages: Server[] = [];
  let browser: Browser | undefined;
  const stack = () => {
    if (!smoke) throw new Error('npm start did not come up');
    return smoke;
  };

  beforeAll(async () => {
    // An earlier checkout left .local world-readable: npm start must tighten it.
    await mkdir('.local', { recursive: true });
    await writeFile('.local/simulator-credentials.json', '{}');
    await chmod('.local', 0o755);
    await chmod('.local/simulator-credentials.json', 0o644);
    const [pagePort, otherPort] = [await freePort(), await freePort()];
    pages = await Promise.all([servePage(pagePort), servePage(otherPort)]);
    api = await startLocalApi({
      AUTH_DISABLED: 'false',
      CORS_ALLOWED_ORIGINS: `http://127.0.0.1:${pagePort}`,
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    smoke = {
      api,
      browser,
      token: await mint('--scope', 'write', '--scope', 'read', '--sub', 'smoke-user'),
      readOnlyToken: await mint('--scope', 'read', '--sub', 'smoke-reader'),
      pageUrl: `http://127.0.0.1:${pagePort}/`,
      otherUrl: `http://127.0.0.1:${otherPort}/`,
    };
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    for (const page of pages) page.close();
  });

  it('has Chromium installed for the browser test', () => {
    expect(existsSync(CHROMIUM)).toBe(true);
  });

  describe('the front end’s flow', () => frontEndFlowTests(stack));
  describe('in a real browser', () => browserTests(stack));
  describe('the reported attacks', () => attackerReproTests(stack));
  describe('tickets learn the outcome', () => ticketOutcomeTests(stack));
  describe('the typed client and the example front end', () => frontEndKitTests(stack));
});
