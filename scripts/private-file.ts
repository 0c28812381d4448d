import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes `content` to `path` with mode 600 in a folder with mode 700 — also when either existed
 * before with looser modes (`writeFile`'s `mode` applies only to a file it creates). Everything
 * `npm start` leaves under `.local/` goes through here.
 */
export async function writePrivateFile(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await chmod(dirname(path), 0o700);
  await writeFile(path, content, { mode: 0o600 });
  await chmod(path, 0o600);
}
