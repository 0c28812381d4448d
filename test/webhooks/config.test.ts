import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../lib/config.js';
import { parseSource, readWebhookSettings } from '../../lib/webhooks/config.js';

const minimal = {
  auth: { scheme: 'shared-token', header: 'X-Token' },
  deliveryId: { expression: 'id' },
  mapping: { name: 'n' },
};

describe('webhook source configuration', () => {
  it('parses every source of config/webhook-sources.json and enables none by default', () => {
    // Act
    const none = readWebhookSettings({});
    const all = readWebhookSettings({ WEBHOOK_ENABLED_SOURCES: '*' });

    // Assess
    expect(none.sources.size).toBe(0);
    expect([...all.sources.keys()].sort()).toEqual([
      'jira-automation',
      'jira-cloud',
      'servicenow',
      'standard-webhooks',
    ]);
    expect(all.sources.get('standard-webhooks')?.deliveryId).toEqual({ header: 'webhook-id' });
    expect(all.sources.get('jira-cloud')?.secretId).toBe('sdrs-bff/webhooks/jira-cloud');
    expect(all.sources.get('servicenow')?.inProgressStatus).toBe(503);
  });

  it('enables only the listed sources', () => {
    // Act
    const settings = readWebhookSettings({ WEBHOOK_ENABLED_SOURCES: ' jira-cloud , servicenow ' });

    // Assess
    expect([...settings.sources.keys()]).toEqual(['jira-cloud', 'servicenow']);
  });

  it('merges WEBHOOK_SOURCES over the file source by source; null removes a source', () => {
    // Prepare
    const env = {
      WEBHOOK_ENABLED_SOURCES: '*',
      WEBHOOK_SECRET_PREFIX: 'prod/hooks/',
      WEBHOOK_SOURCES: JSON.stringify({
        'jira-cloud': { ticket: 'issue.id', secretId: 'arn:aws:secretsmanager:x:1:secret:jira' },
        'jira-automation': null,
        github: { ...minimal, auth: { scheme: 'hub-signature', header: 'x-hub-signature-256' } },
      }),
    };

    // Act
    const { sources } = readWebhookSettings(env);

    // Assess
    expect(sources.has('jira-automation')).toBe(false);
    expect(sources.get('jira-cloud')?.ticket).toBe('issue.id');
    expect(sources.get('jira-cloud')?.secretId).toBe('arn:aws:secretsmanager:x:1:secret:jira');
    expect(sources.get('jira-cloud')?.mapping.name).toBe('issue.fields.customfield_10100');
    expect(sources.get('servicenow')?.secretId).toBe('prod/hooks/servicenow');
    expect(sources.get('github')?.auth).toEqual({
      scheme: 'hub-signature',
      header: 'x-hub-signature-256',
    });
  });

  it('reads WEBHOOK_SOURCES_FILE instead of the bundled file', async () => {
    // Prepare
    const file = join(await mkdtemp(join(tmpdir(), 'sources-')), 'sources.json');
    await writeFile(file, JSON.stringify({ sources: { mine: minimal } }));

    // Act
    const { sources } = readWebhookSettings({
      WEBHOOK_SOURCES_FILE: file,
      WEBHOOK_ENABLED_SOURCES: '*',
    });

    // Assess
    expect([...sources.keys()]).toEqual(['mine']);
    expect(sources.get('mine')?.auth).toEqual({
      scheme: 'shared-token',
      header: 'x-token',
      prefix: '',
    });
  });

  it.each([
    ['a secret in the configuration', { ...minimal, secrets: ['s3cr3t'] }, /do not belong/],
    ['an unknown scheme', { ...minimal, auth: { scheme: 'basic' } }, /auth.scheme/],
    ['an invalid JMESPath', { ...minimal, mapping: { name: 'issue.' } }, /invalid JMESPath/],
    ['an unknown function', { ...minimal, ticket: 'nope(key)' }, /invalid JMESPath/],
    [
      'a field the create body lacks',
      { ...minimal, mapping: { projectId: 'p' } },
      /not a create-body field/,
    ],
    [
      'no delivery id for a non-Standard-Webhooks source',
      { ...minimal, deliveryId: undefined },
      /deliveryId/,
    ],
    [
      'both header and expression',
      { ...minimal, deliveryId: { header: 'x', expression: 'id' } },
      /exactly one/,
    ],
    ['a bad in-progress status', { ...minimal, inProgressStatus: 500 }, /inProgressStatus/],
    [
      'a bad signed-timestamp unit',
      { ...minimal, auth: { scheme: 'hub-signature', timestamp: { expression: 't', unit: 'h' } } },
      /unit/,
    ],
  ])('refuses %s', (_, raw, message) => {
    // Act + Assess
    expect(() => parseSource('src', raw)).toThrow(ConfigurationError);
    expect(() => parseSource('src', raw)).toThrow(message);
  });

  it('refuses an enabled name that is not configured and a bad source name', () => {
    // Act + Assess
    expect(() => readWebhookSettings({ WEBHOOK_ENABLED_SOURCES: 'gitlab' })).toThrow(
      /not configured/,
    );
    expect(() => parseSource('Bad Name', minimal)).toThrow(/lower-case/);
    expect(() => readWebhookSettings({ WEBHOOK_SOURCES: '{' })).toThrow(/not valid JSON/);
  });

  it('reports every broken enabled source and setting at once', () => {
    // Prepare
    const env = {
      WEBHOOK_ENABLED_SOURCES: 'gitlab,servicenow,github',
      WEBHOOK_SOURCES: JSON.stringify({ servicenow: { auth: { scheme: 'carrier-pigeon' } } }),
      WEBHOOK_SECRET_MAX_AGE_SECONDS: '-1',
    };

    // Act
    let problems: readonly string[] = [];
    try {
      readWebhookSettings(env);
    } catch (error) {
      if (error instanceof ConfigurationError) problems = error.problems;
    }

    // Assess
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/"gitlab", which is not configured/);
    expect(problems[1]).toMatch(/servicenow/);
    expect(problems[2]).toMatch(/"github", which is not configured/);
    expect(problems[3]).toMatch(/^WEBHOOK_SECRET_MAX_AGE_SECONDS must be/);
  });
});
