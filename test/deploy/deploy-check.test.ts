import { describe, expect, it } from 'vitest';
import { deployOutput } from './packaging.js';

const complete = {
  sdrsEndpoint: 'https://sdrs.ap-southeast-3.myhuaweicloud.com',
  sdrsProjectId: '0123456789abcdef0123456789abcdef',
  jwtIssuerUrl: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_AbCdEf123',
};

/** A deploy of a stage that could not work stops before anything reaches AWS. */
describe('serverless deploy refuses a stage that could not work', () => {
  it('names every missing setting', async () => {
    // Act
    const output = await deployOutput('prod', { reconcileScheduleEnabled: 'true' });

    // Assess
    expect(output).toContain('Not deploying stage "prod"');
    // The functions' own startup check, naming the functions it would stop.
    expect(output).toMatch(
      /SDRS_ENDPOINT is not set \(createProtectionGroup, webhook, .*reconcile\)/,
    );
    expect(output).toContain('SDRS_PROJECT_ID is not set');
    expect(output).toContain('jwtIssuerUrl is not set (still the placeholder)');
  }, 120_000);

  it('lets a complete stage through to AWS (which then wants credentials)', async () => {
    // Act
    const output = await deployOutput('prod', complete);

    // Assess
    expect(output).not.toContain('Not deploying');
    expect(output).toContain('AWS provider credentials not found');
  }, 180_000);
});
