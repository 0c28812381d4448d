/** The request the benchmark sends, as the front end writes it and as SDRS receives it. */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
// simulator/state.ts only (node:crypto): the seed constants, not the simulator itself.
import { SEED_AZ_SOURCE, SEED_AZ_TARGET, SEED_DOMAIN_ID } from '../../simulator/state.js';
import { httpEvent, lambdaContext } from '../../test/support/events.js';

/** The i-th create body in the front end's camelCase (unique name per call). */
export function frontEndBody(i: number) {
  return {
    name: `bench-pg-${i}`,
    description: 'benchmark',
    sourceAvailabilityZone: SEED_AZ_SOURCE,
    targetAvailabilityZone: SEED_AZ_TARGET,
    domainId: SEED_DOMAIN_ID,
    sourceVpcId: 'vpc-0a1b2c3d',
  };
}

/** The same create as SDRS receives it from the BFF (`server_group`, snake_case, drType default). */
export function upstreamBody(i: number) {
  const body = frontEndBody(i);
  return {
    server_group: {
      name: body.name,
      description: body.description,
      source_availability_zone: body.sourceAvailabilityZone,
      target_availability_zone: body.targetAvailabilityZone,
      domain_id: body.domainId,
      source_vpc_id: body.sourceVpcId,
      dr_type: 'migration',
    },
  };
}

/**
 * A desired list of `items` groups (`frontEndBody(0…items-1)`) in YAML, as operators keep it:
 * the fields every entry shares written once and merged in.
 */
export function fleetListYaml(items: number): string {
  const shared = frontEndBody(0);
  const lines = [
    'x-shared: &shared',
    `  description: ${shared.description}`,
    `  sourceAvailabilityZone: ${shared.sourceAvailabilityZone}`,
    `  targetAvailabilityZone: ${shared.targetAvailabilityZone}`,
    `  domainId: ${shared.domainId}`,
    `  sourceVpcId: ${shared.sourceVpcId}`,
    'protectionGroups:',
  ];
  for (let i = 0; i < items; i++)
    lines.push('  - <<: *shared', `    name: ${frontEndBody(i).name}`);
  return `${lines.join('\n')}\n`;
}

/** An API Gateway v2 create event and a fresh Lambda context, as one invocation receives them. */
export function createInvocation(i: number): [APIGatewayProxyEventV2, Context] {
  return [
    httpEvent({ method: 'POST', path: '/protection-groups', body: frontEndBody(i) }),
    lambdaContext(),
  ];
}

/** An integer from the environment (the parent passes every phase parameter this way). */
export function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
