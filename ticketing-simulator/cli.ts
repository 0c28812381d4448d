/**
 * The ticketing simulator from the command line.
 *
 *   npx tsx ticketing-simulator/cli.ts show [--url http://127.0.0.1:4020]   what each ticket received
 *   npx tsx ticketing-simulator/cli.ts serve [--port 4020]                  run one on its own
 */
import { parseArgs } from 'node:util';
import { startTicketingSimulator } from './index.js';
import type { TicketMessage } from './types.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: {
      type: 'string',
      default: process.env.TICKETING_SIMULATOR_URL ?? 'http://127.0.0.1:4020',
    },
    port: { type: 'string', default: '4020' },
  },
});

if (positionals[0] === 'serve') {
  const sim = await startTicketingSimulator({ port: Number(values.port) });
  console.log(`Ticketing simulator on ${sim.url} (what it received: ${sim.url}/_received)`);
  console.log(
    `JIRA_BASE_URL=${sim.jiraUrl} SERVICENOW_INSTANCE_URL=${sim.serviceNowUrl} OUTCOME_WEBHOOK_URL=${sim.webhookUrl}`,
  );
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else if (positionals[0] === 'show') {
  const response = await fetch(`${values.url.replace(/\/$/, '')}/_received`);
  const { messages } = (await response.json()) as { messages: TicketMessage[] };
  if (messages.length === 0) console.log('No ticket has received anything yet.');
  for (const message of messages) {
    console.log(
      `— ${message.system} ${message.ticket} (${new Date(message.receivedAt).toISOString()}, id ${message.id})`,
    );
    console.log(`${message.text}\n`);
  }
} else {
  console.error('usage: cli.ts show [--url URL] | serve [--port N]');
  process.exitCode = 2;
}
