/** processCommand: lookup, arity, authentication, then the command; connection commands handled here. */
import { COLLECTION_COMMANDS } from './commands-collections';
import { KEY_COMMANDS } from './commands-keys';
import { NOT_INTEGER, parseInteger, type CommandContext, type CommandSpec } from './command-context';
import { DATABASES } from './keyspace';
import { array, bulk, err, int, ok, type RespReply } from './types';

export interface ConnectionState {
  db: number;
  authed: boolean;
  closed: boolean;
}

const CONNECTION: Record<string, CommandSpec> = {
  ping: { arity: -1, run: (_, a) => (a.length > 2 ? err("ERR wrong number of arguments for 'ping' command") : a[1] !== undefined ? bulk(a[1]) : ok('PONG')) },
  echo: { arity: 2, run: (_, a) => bulk(a[1]) },
  save: { arity: 1, run: (ctx) => ctx.server.save() },
  bgsave: { arity: -1, run: (ctx) => ctx.server.bgsave() },
  lastsave: { arity: 1, run: (ctx) => int(ctx.server.lastsave()) },
  info: { arity: -1, run: (ctx, a) => bulk(ctx.server.info(a.slice(1).map((s) => s.toLowerCase()))) },
  config: {
    arity: -2,
    run: (ctx, a) => {
      const sub = a[1].toLowerCase();
      if (sub === 'get') return a.length < 3 ? err("ERR wrong number of arguments for 'config|get' command") : array(ctx.server.configGet(a.slice(2)));
      return err(`ERR unknown subcommand '${a[1]}'. Try CONFIG HELP.`);
    },
  },
};

const TABLE: Record<string, CommandSpec> = { ...KEY_COMMANDS, ...COLLECTION_COMMANDS, ...CONNECTION, select: { arity: 2, run: () => ok() }, auth: { arity: -2, run: () => ok() }, quit: { arity: -1, run: () => ok() } };

function unknown(args: string[]): RespReply {
  const rest = args
    .slice(1)
    .map((a) => `'${a.slice(0, 128)}' `)
    .join('');
  return err(`ERR unknown command '${args[0].slice(0, 128)}', with args beginning with: ${rest}`);
}

export function execute(ctx: CommandContext, state: ConnectionState, args: string[], requirepass = ''): RespReply {
  const name = args[0].toLowerCase();
  const spec = Object.prototype.hasOwnProperty.call(TABLE, name) ? TABLE[name] : undefined;
  if (!spec) return unknown(args);
  if ((spec.arity > 0 && args.length !== spec.arity) || args.length < -spec.arity) return err(`ERR wrong number of arguments for '${name}' command`);
  if (!state.authed && name !== 'auth' && name !== 'quit') return err('NOAUTH Authentication required.');
  switch (name) {
    case 'auth': {
      if (args.length > 3) return err('ERR syntax error');
      const [user, pass] = args.length === 3 ? [args[1], args[2]] : ['default', args[1]];
      if (requirepass === '' && args.length === 2) return err('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?');
      if (user !== 'default' || (requirepass !== '' && pass !== requirepass)) return err('WRONGPASS invalid username-password pair or user is disabled.');
      state.authed = true;
      return ok();
    }
    case 'select': {
      const n = parseInteger(args[1]);
      if (n === undefined) return err(NOT_INTEGER);
      if (n < 0 || n >= DATABASES) return err('ERR DB index is out of range');
      state.db = n;
      return ok();
    }
    case 'quit':
      state.closed = true;
      return ok();
  }
  return spec.run(ctx, args);
}
