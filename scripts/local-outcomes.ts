/**
 * `npm start`'s ticket-outcome loop: the ticketing simulator the example sources tell (unless
 * `JIRA_BASE_URL`, `SERVICENOW_INSTANCE_URL`, `OUTCOME_WEBHOOK_URL` point elsewhere), and the
 * outcome watcher invoked every few seconds through serverless-offline's Lambda invoke API, since
 * serverless-offline runs no schedules. An outcome shows up seconds after its job ends.
 */
import { startTicketingSimulator } from '../ticketing-simulator/index.js';
import type { Invoke } from './local-gateway/invoke.js';

/** How often `npm start` runs the watcher (deployed: every minute). */
export const LOCAL_WATCH_EVERY_MS = 3_000;

/**
 * Starts the ticketing simulator on `TICKETING_PORT` (default 4020) and points the example
 * sources' base URLs at it where unset; polls ended jobs every 2 s. Returns what stops it.
 */
export async function useTicketingSimulator(env: NodeJS.ProcessEnv): Promise<() => Promise<void>> {
  const tickets = await startTicketingSimulator({ port: Number(env.TICKETING_PORT ?? 4020) });
  env.JIRA_BASE_URL ||= tickets.jiraUrl;
  env.SERVICENOW_INSTANCE_URL ||= tickets.serviceNowUrl;
  env.OUTCOME_WEBHOOK_URL ||= tickets.webhookUrl;
  env.OUTCOME_POLL_INTERVAL_SECONDS ??= '2';
  console.log(
    `Ticketing simulator on ${tickets.url}: what each ticket was told: ${tickets.url}/_received ` +
      '(or npx tsx ticketing-simulator/cli.ts show)',
  );
  return () => tickets.close();
}

/**
 * Invokes the `outcomeWatcher` function through serverless-offline every `LOCAL_WATCH_EVERY_MS`,
 * one run at a time as deployed. Returns what stops it.
 */
export function watchOutcomesLocally(invoke: Invoke): () => Promise<void> {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= invoke('outcomeWatcher', {})
      .then(() => undefined)
      // serverless-offline is stopping, or the run failed (its log says why): the next tick retries
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
      });
  }, LOCAL_WATCH_EVERY_MS);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
