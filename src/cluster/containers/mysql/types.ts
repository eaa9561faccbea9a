/** What a mysql client sees of a modelled mysqld: a connection that runs one statement at a time. */

/** A value as the server sends it (text protocol): a string, a number or NULL. */
export type SqlValue = string | number | null;

export interface ResultColumn {
  name: string;
  /** Numbers are right-aligned by the client. */
  numeric: boolean;
  /** A nullable column is at least 4 wide in the client's table (room for NULL). */
  notNull: boolean;
}

export type MysqlReply =
  | { kind: 'ok'; affectedRows: number; warnings: number; info?: string; /** `USE db` changed the database. */ databaseChanged?: boolean }
  | { kind: 'rows'; columns: ResultColumn[]; rows: SqlValue[][] }
  | { kind: 'error'; code: number; sqlState: string; message: string };

export type MysqlError = Extract<MysqlReply, { kind: 'error' }>;

export interface MysqlConnection {
  protocol: 'mysql';
  /** The server's version string (`8.0.40`). */
  serverVersion: string;
  connectionId: number;
  /** Authenticates; an error packet on failure (the connection is then closed). */
  login(user: string, password: string | undefined, database?: string): MysqlError | undefined;
  /** Runs one statement (without its terminating `;`); the SQL engine loads on the first one. */
  query(sql: string): Promise<MysqlReply>;
  close(): void;
}

export function sqlError(code: number, sqlState: string, message: string): MysqlError {
  return { kind: 'error', code, sqlState, message };
}
