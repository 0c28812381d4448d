/** `GET /openapi.json`: the OpenAPI 3.1 document, generated from the schemas in `schemas/`. */
import { httpHandler } from '../lib/http/http-handler.js';
import { openApiResponse } from '../lib/openapi/response.js';
import { refuseToStartUnlessConfigured } from '../lib/startup.js';

// Inside Lambda a function with missing or malformed settings refuses to start (lib/startup.ts).
refuseToStartUnlessConfigured([]);

export const handler = httpHandler({ auth: 'public' }, async () => openApiResponse());
