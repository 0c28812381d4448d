import { CONTROL_PATH } from '../../simulator/index.js';

/** One call to a simulator's fault toggles (`/_simulator/faults`), as `npm start` users make it. */
export async function callFaultControl(
  simulatorUrl: string,
  method: 'GET' | 'POST' | 'DELETE',
  body?: object,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${simulatorUrl}${CONTROL_PATH}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body && { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}
