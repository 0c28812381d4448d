import { describe, expect, it } from 'vitest';
import { parseSource } from '../../lib/webhooks/config.js';
import { WebhookPayloadError } from '../../lib/webhooks/errors.js';
import { deliveryIdOf, isWanted, mapCreateBody, ticketOf } from '../../lib/webhooks/mapping.js';
import { SEED_AZ_SOURCE, SEED_AZ_TARGET, SEED_DOMAIN_ID } from '../../simulator/index.js';

const source = parseSource('test', {
  auth: { scheme: 'shared-token', header: 'x-token' },
  deliveryId: { expression: "join(':', [ticket.key, to_string(ticket.version)])" },
  ticket: 'ticket.key',
  when: "ticket.state == 'approved'",
  mapping: {
    name: "join('-', ['pg', ticket.key])",
    sourceAvailabilityZone: 'zones[0]',
    targetAvailabilityZone: 'zones[1]',
    domainId: 'domain',
    sourceVpcId: 'vpc',
  },
});

const payload = {
  ticket: { key: 'DR-7', version: 3, state: 'approved' },
  zones: [SEED_AZ_SOURCE, SEED_AZ_TARGET],
  domain: SEED_DOMAIN_ID,
  vpc: 'vpc-1',
};

function problems(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookPayloadError) return error.errors;
    throw error;
  }
  throw new Error('expected a WebhookPayloadError');
}

describe('mapping a ticket payload to a create body', () => {
  it('evaluates every expression and applies the schema defaults', () => {
    // Act
    const body = mapCreateBody(source, payload);

    // Assess
    expect(body).toEqual({
      name: 'pg-DR-7',
      sourceAvailabilityZone: SEED_AZ_SOURCE,
      targetAvailabilityZone: SEED_AZ_TARGET,
      domainId: SEED_DOMAIN_ID,
      sourceVpcId: 'vpc-1',
      drType: 'migration',
    });
    expect(ticketOf(source, payload)).toBe('DR-7');
    expect(deliveryIdOf(source, {}, payload)).toBe('DR-7:3');
  });

  it('reports an expression that fails on this payload and every schema problem at once', () => {
    // Prepare: join() on a number fails; zones missing → both AZs missing; vpc a number
    const bad = { ticket: { key: 7 }, domain: SEED_DOMAIN_ID, vpc: 12 };

    // Act
    const errors = problems(() => mapCreateBody(source, bad));

    // Assess
    expect(errors).toEqual([
      {
        pointer: '#/name',
        detail: expect.stringContaining("the expression `join('-', ['pg', ticket.key])` failed"),
      },
      { pointer: '#/sourceAvailabilityZone', detail: 'is required (mapped from `zones[0]`)' },
      { pointer: '#/targetAvailabilityZone', detail: 'is required (mapped from `zones[1]`)' },
      { pointer: '#/sourceVpcId', detail: 'must be a string (mapped from `vpc`)' },
    ]);
  });

  it('names a required field the source does not map at all', () => {
    // Prepare
    const partial = parseSource('partial', {
      ...source,
      deliveryId: { header: 'x-id' },
      mapping: { name: 'n' },
      auth: source.auth,
    });

    // Act
    const errors = problems(() => mapCreateBody(partial, { n: 'pg-1' }));

    // Assess
    expect(errors).toContainEqual({
      pointer: '#/domainId',
      detail: 'is required (no mapping in source "partial")',
    });
  });

  it('filters with `when` using JMESPath truthiness', () => {
    expect(isWanted(source, payload)).toBe(true);
    expect(isWanted(source, { ticket: { state: 'rejected' } })).toBe(false);
    expect(isWanted(source, {})).toBe(false);
  });
});
