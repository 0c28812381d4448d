/** s3rver 3.7.1 ships no types: the part of its API the local S3 uses. */
declare module 's3rver' {
  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    configureBuckets?: Array<{ name: string; configs?: Array<string | Buffer> }>;
  }
  export default class S3rver {
    constructor(options?: S3rverOptions);
    /** Koa's middleware list (s3rver is a Koa application); composed when the server starts. */
    middleware: Array<
      (
        ctx: { get(header: string): string; status: number; body: unknown },
        next: () => Promise<void>,
      ) => Promise<void>
    >;
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}

/** The account registry behind s3rver's signature check (one dummy account). */
declare module 's3rver/lib/models/account.js' {
  export const DUMMY_ACCOUNT: {
    createKeyPair(accessKeyId: string, secretAccessKey: string): void;
  };
}
