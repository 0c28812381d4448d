/** `GET /openapi.json`: the OpenAPI 3.1 document, generated from the schemas in `schemas/`. */
import { httpHandler } from '../lib/http/http-handler.js';
import { openApiResponse } from '../lib/http/openapi-response.js';
import { ROUTES } from '../lib/routes.js';
import { refuseToStartUnlessConfigured } from '../lib/startup.js';

// Inside Lambda a function with missing or malformed settings refuses to start (lib/startup.ts).
refuseToStartUnlessConfigured([]);

export const handler = httpHandler({ auth: ROUTES.getOpenApi.auth }, async () => openApiResponse());
