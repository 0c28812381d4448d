/** `POST /webhooks/{source}`: verify a ticketing system's delivery, map it, create once per delivery id. */
import { sdrsClient } from '../lib/dependencies.js';
import { handleDelivery } from '../lib/webhooks/deliver.js';
import { webhookHttpHandler } from '../lib/webhooks/http.js';
import { webhookRegistry } from '../lib/webhooks/registry.js';

export const handler = webhookHttpHandler((delivery) =>
  handleDelivery(delivery, { registry: webhookRegistry(), client: sdrsClient }),
);
