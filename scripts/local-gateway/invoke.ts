/**
 * Calls a function through serverless-offline's Lambda invoke API on its private Unix socket —
 * the same handler code and environment serverless-offline's own HTTP server would run.
 */
import { request } from 'node:http';

/** What a function returned, or that it failed (an unhandled error). */
export interface InvokeResult {
  readonly functionError: boolean;
  readonly payload: unknown;
}

export type Invoke = (functionKey: string, event: unknown) => Promise<InvokeResult>;

/** An invoker for the functions of `service` in `stage` behind the invoke API at `socketPath`. */
export function lambdaInvoker(options: {
  readonly socketPath: string;
  readonly service: string;
  readonly stage: string;
}): Invoke {
  return (functionKey, event) =>
    new Promise((resolve, reject) => {
      const name = `${options.service}-${options.stage}-${functionKey}`;
      const call = request(
        {
          socketPath: options.socketPath,
          method: 'POST',
          path: `/2015-03-31/functions/${encodeURIComponent(name)}/invocations`,
          headers: { 'content-type': 'application/json' },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({
                functionError:
                  response.statusCode !== 200 ||
                  response.headers['x-amz-function-error'] !== undefined,
                payload: text === '' ? null : JSON.parse(text),
              });
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      call.on('error', reject);
      call.end(JSON.stringify(event));
    });
}
