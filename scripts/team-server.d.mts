export declare const ADMIN: string;
export declare const ADMIN_PASSWORD: string;
export declare const DATABASE: string;

export interface TeamServer {
  /** The folder holding the data directory, the socket and the log. */
  dir: string;
  /** A connection URL as the given role (no password in it). */
  url(role: string, database?: string): string;
  /** Run SQL with psql as a role; the result, not thrown. */
  psql(
    role: string,
    password: string,
    sql: string,
    database?: string,
  ): { code: number; stdout: string; stderr: string };
  /** Stop the server and remove its folder. */
  stop(): void;
}

/** Start a fresh server with an empty `team` database. */
export declare function startServer(): TeamServer;
