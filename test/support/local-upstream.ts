import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resetDependencies } from '../../lib/dependencies.js';
import {
  type SdrsSimulator,
  type SimulatorOptions,
  startSimulator,
} from '../../simulator/index.js';

/** A simulator plus the environment that points the service's handlers at it. */
export interface LocalUpstream {
  readonly sim: SdrsSimulator;
  readonly secretFile: string;
  /** Writes new credentials into the local secret file (the simulator keeps its own until told). */
  writeSecret(credentials: { ak: string; sk: string; securityToken?: string }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the SDRS simulator on loopback, writes its credentials to a temporary secret file and
 * sets `SDRS_*` in `process.env` (plus `extraEnv`), then resets the container singletons so the
 * next handler call reads them.
 */
export async function startLocalUpstream(
  options: SimulatorOptions = {},
  extraEnv: Record<string, string> = {},
): Promise<LocalUpstream> {
  const sim = await startSimulator(options);
  const dir = await mkdtemp(join(tmpdir(), 'sdrs-bff-'));
  const secretFile = join(dir, 'credentials.json');
  const writeSecret = (credentials: object) => writeFile(secretFile, JSON.stringify(credentials));
  await writeSecret(sim.credentials);
  Object.assign(process.env, {
    SDRS_ENDPOINT: sim.url,
    SDRS_PROJECT_ID: sim.projectId,
    SDRS_SECRET_FILE: secretFile,
    SDRS_SECRET_ID: '',
    SDRS_TIMEOUT_MS: '2000',
    ...extraEnv,
  });
  resetDependencies();
  return {
    sim,
    secretFile,
    writeSecret,
    close: async () => {
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
