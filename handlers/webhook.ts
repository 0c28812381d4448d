/** `POST /webhooks/{source}`: verify a ticketing system's delivery, map it, create once per delivery id. */
import { SDRS_CLIENT_SETTINGS, sdrsClient } from '../lib/dependencies.js';
import { webhookHttpHandler } from '../lib/http/webhook-handler.js';
import { handleDelivery } from '../lib/http/webhook-route.js';
import { requireOutcomeSettingsWhenNotifying } from '../lib/outcomes/settings.js';
import { refuseToStartUnlessConfigured, requireIdempotencyTable } from '../lib/startup.js';
import { readWebhookSettings } from '../lib/webhooks/config.js';
import { webhookRegistry } from '../lib/webhooks/registry.js';

// Inside Lambda a function with missing or malformed settings refuses to start (lib/startup.ts).
refuseToStartUnlessConfigured([
  ...SDRS_CLIENT_SETTINGS,
  requireIdempotencyTable,
  readWebhookSettings,
  requireOutcomeSettingsWhenNotifying,
]);

export const handler = webhookHttpHandler((delivery) =>
  handleDelivery(delivery, { registry: webhookRegistry(), client: sdrsClient }),
);
