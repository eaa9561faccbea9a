/** What a client sees of a modelled redis-server: RESP replies to commands sent one at a time. */

export type RespReply =
  | { type: 'status'; value: string }
  | { type: 'error'; value: string }
  | { type: 'integer'; value: number }
  | { type: 'bulk'; value: string | null }
  | { type: 'array'; value: RespReply[] | null };

export interface RedisConnection {
  protocol: 'redis';
  /** Sends one command (argv as the client split it) and returns the server's reply. */
  command(args: string[]): RespReply;
  /** The server closed the connection (QUIT, or the container stopped). */
  readonly closed: boolean;
  close(): void;
}

export const ok = (value = 'OK'): RespReply => ({ type: 'status', value });
export const err = (value: string): RespReply => ({ type: 'error', value });
export const int = (value: number): RespReply => ({ type: 'integer', value });
export const bulk = (value: string | null): RespReply => ({ type: 'bulk', value });
export const array = (values: string[]): RespReply => ({ type: 'array', value: values.map((v) => bulk(v)) });
export const NIL = bulk(null);
