import type { FromSchema } from 'json-schema-to-ts';

/**
 * Body of `POST /protection-groups`: the seed's `server_group` rules, flat and camelCase.
 *
 * `x-maxBytes` is our ajv keyword for UTF-8 byte length: the upstream counts bytes, not
 * characters, so `maxLength` (characters) alone would let 22 × `保` (66 bytes) through. `x-text`
 * (lib/validation/text-rules.ts) keeps control, bidirectional-formatting and unpaired-surrogate
 * characters out of every string, and markup brackets out of `description`.
 */
export const createProtectionGroupSchema = {
  $id: 'CreateProtectionGroupRequest',
  title: 'CreateProtectionGroupRequest',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'sourceAvailabilityZone', 'targetAvailabilityZone', 'domainId', 'sourceVpcId'],
  properties: {
    name: {
      type: 'string',
      description:
        'Protection group name: 1 to 64 bytes of ASCII letters, digits, `.`, `_`, `-` (ASCII only, so characters are bytes).',
      minLength: 1,
      maxLength: 64,
      pattern: '^[A-Za-z0-9._-]+$',
      'x-text': 'plain',
    },
    description: {
      type: 'string',
      description:
        'At most 64 bytes in UTF-8; no `<`, `>` or lookalikes (such as `＜` `＞`), control characters, bidirectional formatting characters or unpaired surrogates.',
      'x-text': 'noMarkup',
      'x-maxBytes': 64,
    },
    sourceAvailabilityZone: { type: 'string', minLength: 1, maxLength: 255, 'x-text': 'plain' },
    targetAvailabilityZone: { type: 'string', minLength: 1, maxLength: 255, 'x-text': 'plain' },
    domainId: { type: 'string', minLength: 1, maxLength: 255, 'x-text': 'plain' },
    sourceVpcId: { type: 'string', minLength: 1, maxLength: 255, 'x-text': 'plain' },
    drType: { type: 'string', enum: ['migration'], default: 'migration' },
  },
} as const;

export type CreateProtectionGroupRequest = FromSchema<typeof createProtectionGroupSchema>;
