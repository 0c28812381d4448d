import { describe, expect, it } from 'vitest';
import { differences, matchExisting, screenEntries } from '../../lib/reconcile/plan.js';
import type { ProtectionGroup } from '../../schemas/responses.js';
import { desired } from './fixtures.js';

function group(name: string, fields: Partial<ProtectionGroup> = {}): ProtectionGroup {
  const d = desired(name) as Record<string, string>;
  return {
    id: `id-${name}`,
    name,
    description: d.description ?? null,
    status: 'available',
    progress: 100,
    sourceAvailabilityZone: d.sourceAvailabilityZone ?? '',
    targetAvailabilityZone: d.targetAvailabilityZone ?? '',
    productionSite: 'source',
    domainId: d.domainId ?? '',
    domainName: null,
    sourceVpcId: d.sourceVpcId ?? '',
    targetVpcId: null,
    drType: 'migration',
    protectionStatus: null,
    replicationStatus: null,
    healthStatus: null,
    protectedInstanceCount: 0,
    replicationPairCount: 0,
    drillCount: 0,
    createdAt: null,
    updatedAt: null,
    ...fields,
  } as ProtectionGroup;
}

describe('screenEntries', () => {
  it('reports every schema problem of an entry with pointers into the input', () => {
    // Prepare
    const items = [desired('ok-1'), { name: 'bad name', extra: 1 }, 'not an object'];

    // Act
    const { settled, candidates } = screenEntries(items);

    // Assess
    expect(candidates.map((c) => c.index)).toEqual([0]);
    const [second, third] = settled;
    expect(second).toMatchObject({ index: 1, name: 'bad name', outcome: 'invalid' });
    const pointers = second?.outcome === 'invalid' ? second.errors.map((e) => e.pointer) : [];
    expect(pointers).toEqual(
      expect.arrayContaining([
        '#/protectionGroups/1/name',
        '#/protectionGroups/1/extra',
        '#/protectionGroups/1/sourceVpcId',
      ]),
    );
    expect(third).toMatchObject({ index: 2, outcome: 'invalid' });
    expect(third).not.toHaveProperty('name');
  });

  it('keeps the first valid entry of a name and reports later ones as duplicates', () => {
    // Prepare
    const items = [{ name: 'pg-a' }, desired('pg-a'), desired('pg-b'), desired('pg-a')];

    // Act
    const { settled, candidates } = screenEntries(items);

    // Assess
    expect(candidates.map((c) => c.index)).toEqual([1, 2]);
    expect(settled).toEqual([
      expect.objectContaining({ index: 0, outcome: 'invalid' }),
      { index: 3, name: 'pg-a', outcome: 'duplicate', firstIndex: 1 },
    ]);
  });

  it('does not change the caller’s entries (the validator fills in defaults on a copy)', () => {
    // Prepare
    const entry = desired('pg-a');

    // Act
    const { candidates } = screenEntries([entry]);

    // Assess
    expect(entry).not.toHaveProperty('drType');
    expect(candidates[0]?.body.drType).toBe('migration');
  });
});

describe('differences and matchExisting', () => {
  it('treats an absent, empty or null description as the same', () => {
    // Prepare
    const { description: _omitted, ...withoutDescription } = desired('pg-a');
    const body = screenEntries([withoutDescription]).candidates[0]?.body;

    // Act
    const againstNull = body && differences(body, group('pg-a', { description: null }));
    const againstEmpty = body && differences(body, group('pg-a', { description: '' }));

    // Assess
    expect(againstNull).toEqual([]);
    expect(againstEmpty).toEqual([]);
  });

  it('names each differing field with the desired and the actual value', () => {
    // Prepare
    const body = screenEntries([desired('pg-a')]).candidates[0]?.body;

    // Act
    const found =
      body && differences(body, group('pg-a', { sourceVpcId: 'vpc-x', description: null }));

    // Assess
    expect(found).toEqual([
      { field: 'description', desired: 'desired pg-a', actual: null },
      { field: 'sourceVpcId', desired: 'vpc-desired', actual: 'vpc-x' },
    ]);
  });

  it('matches by exact name only, and prefers an equal group among several of one name', () => {
    // Prepare
    const { candidates } = screenEntries([desired('pg-a'), desired('pg-b'), desired('pg')]);
    const existing = [
      group('pg-a', { id: 'a-old', sourceVpcId: 'vpc-old' }),
      group('pg-a', { id: 'a-same' }),
      group('pg-b', { id: 'b-1', domainId: 'other-domain' }),
      group('pg-abc'),
    ];

    // Act
    const { settled, missing } = matchExisting(candidates, existing);

    // Assess
    expect(settled).toEqual([
      {
        index: 0,
        name: 'pg-a',
        outcome: 'exists',
        protectionGroupId: 'a-same',
        status: 'available',
      },
      {
        index: 1,
        name: 'pg-b',
        outcome: 'drift',
        protectionGroupId: 'b-1',
        status: 'available',
        differences: [{ field: 'domainId', desired: expect.any(String), actual: 'other-domain' }],
      },
    ]);
    expect(missing.map((m) => m.body.name)).toEqual(['pg']);
  });
});
