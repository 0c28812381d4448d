/** dynalite 4 ships no types (there is no @types/dynalite); this is the part we use. */
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** How long a new table stays CREATING (0: ACTIVE at once). */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    /** LevelDB directory; in memory when omitted. */
    path?: string;
  }

  function dynalite(options?: DynaliteOptions): Server;
  export default dynalite;
}
