/** The prose parts of the OpenAPI document: description, servers, tag descriptions. */

export const DESCRIPTION = `Backend-for-front-end that creates Huawei Cloud SDRS protection groups.

Every failure the service answers is \`application/problem+json\` (RFC 9457, schema \`Problem\`):
switch on \`code\`; \`x-problem-types\` lists every code with its type URI, status and what to do.
\`errors[].pointer\` is a JSON Pointer written as a URI fragment: into the body (\`#/name\`), or
naming the query or path parameter (\`#/limit\`, \`#/jobId\`). Every answer of the service carries
\`X-Request-Id\`. API Gateway answers some requests itself, before any function runs: CORS
preflights (\`OPTIONS\`), and 401/403 (the JWT authorizer), 413, 429 and 500 with a
\`GatewayError\` body \`{"message": …}\` and no \`X-Request-Id\`; each operation lists those too.
A request no operation matches gets 404 \`NOT_FOUND\` or 405 \`METHOD_NOT_ALLOWED\` with \`Allow\`
(\`x-unmatched-requests\`).

Extensions: the schema keyword \`x-maxBytes\` limits a string's length in UTF-8 bytes (SDRS counts
bytes, not characters); this service enforces it, generic validators may ignore it as an unknown
annotation. \`x-max-body-bytes\` on a request body is the largest body accepted (413 beyond).`;

export const SERVERS = [
  {
    url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
    description:
      'A deployed stage (`npx serverless info` prints its URL); under `npm start`: http://localhost:3000',
    variables: {
      apiId: { default: 'abc123def4', description: 'The HTTP API id' },
      region: { default: 'ap-southeast-1', description: 'The AWS region deployed to' },
    },
  },
];

/** One line per tag of the route table. */
export const TAGS: Readonly<Record<string, string>> = {
  'protection groups': 'Create SDRS protection groups and list the existing ones.',
  jobs: 'Follow an asynchronous create until it succeeds or fails.',
  lookups: 'What a create form offers: the active-active domains and their AZ pairs.',
  meta: 'This description of the API.',
  reconcile: 'The reports of the scheduled runs that make SDRS hold a desired list of groups.',
  webhooks: 'Deliveries from ticketing systems (Jira, ServiceNow, Standard Webhooks senders).',
};
