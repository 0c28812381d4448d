import { describe, expect, it } from 'vitest';
import { parseNotify } from '../../lib/outcomes/notify-config.js';
import {
  readOutcomeSettings,
  requireOutcomeSettingsWhenNotifying,
} from '../../lib/outcomes/settings.js';
import { retryAfterMs } from '../../lib/outcomes/targets/call.js';
import { postBackoffMs } from '../../lib/outcomes/watcher.js';
import { readWebhookSettings } from '../../lib/webhooks/config.js';

describe('the notify block', () => {
  it('takes the base URL from the variable baseUrlEnv names, else from the file', () => {
    // Prepare
    const block = {
      target: 'jira',
      baseUrl: 'https://your-site.atlassian.net/',
      baseUrlEnv: 'JIRA_BASE_URL',
      issue: 'issue.key',
    };

    // Act
    const fromFile = parseNotify(block, '"s"', {});
    const fromEnv = parseNotify(block, '"s"', { JIRA_BASE_URL: 'http://127.0.0.1:4020/jira' });

    // Assess
    expect(fromFile).toEqual({
      target: 'jira',
      baseUrl: 'https://your-site.atlassian.net',
      issue: 'issue.key',
    });
    expect(fromEnv?.baseUrl).toBe('http://127.0.0.1:4020/jira');
  });

  it.each([
    ['an unknown target', { target: 'slack', baseUrl: 'https://x' }, /"target" must be/],
    ['no issue expression', { target: 'jira', baseUrl: 'https://x' }, /needs a string "issue"/],
    [
      'a broken expression',
      { target: 'jira', baseUrl: 'https://x', issue: 'issue.[' },
      /invalid JMESPath/,
    ],
    [
      'a URL with credentials',
      { target: 'standard-webhooks', baseUrl: 'https://u:p@x' },
      /must not carry credentials/,
    ],
    [
      'a bad table',
      { target: 'servicenow', baseUrl: 'https://x', table: 'sc req', record: 'sys_id' },
      /table name/,
    ],
    ['not a URL', { target: 'standard-webhooks', baseUrl: 'callback' }, /is not a URL/],
  ])('refuses %s', (_what, block, problem) => {
    // Assess
    expect(() => parseNotify(block, '"s"', {})).toThrow(problem);
  });

  it('is part of every example source, and the webhook function then needs complete outcome settings', () => {
    // Prepare
    const env = { WEBHOOK_ENABLED_SOURCES: '*' };

    // Act
    const sources = [...readWebhookSettings(env).sources.values()];

    // Assess
    expect(sources.map((source) => source.notify?.target)).toEqual([
      'jira',
      'jira',
      'servicenow',
      'standard-webhooks',
    ]);
    expect(() => requireOutcomeSettingsWhenNotifying(env)).toThrow(/OUTCOME_TABLE is not set/);
    expect(() => requireOutcomeSettingsWhenNotifying({ ...env, OUTCOME_TABLE: 't' })).not.toThrow();
    expect(() =>
      requireOutcomeSettingsWhenNotifying({ WEBHOOK_ENABLED_SOURCES: '' }),
    ).not.toThrow();
  });
});

describe('outcome settings and retry timing', () => {
  it('retries a ticket system for at least a day', () => {
    // Assess
    expect(readOutcomeSettings({ OUTCOME_TABLE: 't' }).retryWindowMs).toBe(24 * 3_600_000);
    expect(() => readOutcomeSettings({ OUTCOME_TABLE: 't', OUTCOME_RETRY_HOURS: '2' })).toThrow(
      /OUTCOME_RETRY_HOURS must be an integer from 24/,
    );
    expect(() => readOutcomeSettings({})).toThrow(/OUTCOME_TABLE is not set/);
  });

  it('keeps only a URL as the dead-letter queue (not an unresolved reference)', () => {
    // Assess
    const queue = 'https://sqs.eu-west-1.amazonaws.com/123456789012/sdrs-bff-ci-outcome-dlq';
    expect(
      readOutcomeSettings({ OUTCOME_TABLE: 't', OUTCOME_DEAD_LETTER_QUEUE_URL: queue })
        .deadLetterQueueUrl,
    ).toBe(queue);
    expect(
      readOutcomeSettings({ OUTCOME_TABLE: 't', OUTCOME_DEAD_LETTER_QUEUE_URL: '[object Object]' })
        .deadLetterQueueUrl,
    ).toBeUndefined();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    // Prepare
    const now = Date.parse('2026-12-04T10:00:00Z');

    // Assess
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Fri, 04 Dec 2026 10:05:00 GMT', now)).toBe(300_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it('backs off from 30 s, doubling, to at most an hour', () => {
    // Assess: random() = 0.5 is the middle of the ±20 % jitter
    expect([1, 2, 3, 8, 20].map((n) => postBackoffMs(n, () => 0.5))).toEqual([
      30_000, 60_000, 120_000, 3_600_000, 3_600_000,
    ]);
    expect(postBackoffMs(1, () => 0)).toBe(24_000);
    expect(postBackoffMs(1, () => 1)).toBe(36_000);
  });
});
