import { createHash } from 'node:crypto';
import pg from 'pg';

// The connections to PostgreSQL. Under load the server's time goes to round trips: each query is a system call to
// send it, a wake-up of a PostgreSQL process, and a parse and plan there. Two things cut that cost without changing
// what any query means:
//
// - Named statements: a query with parameters is prepared once per connection under a name derived from its text,
//   and afterwards only its parameters are sent; PostgreSQL parses it once and may keep its plan.
// - Pipelining: a query outside a transaction goes to a shared connection in pipeline mode (one by default), where it is
//   sent without waiting for the answers to the queries before it; what every request sends in the same turn of the
//   event loop leaves in one write. Each query still ends with its own Sync, so it commits (or fails) alone, exactly
//   as on a connection of its own. Transactions (and anything that holds a connection) take one from the pool.

/** Statements named so far, by text; past the cap, new texts go unnamed (one parse each, as before). */
const names = new Map<string, string>();
const MAX_NAMED = 1000;

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `d${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

type QueryConfig = { text?: unknown; name?: unknown; submit?: unknown; values?: unknown[] };

/** The query with a statement name when it has parameters and none was given (a plain query is one message). */
function named(config: unknown, values: unknown): unknown {
  if (!config || typeof config !== 'object') return config;
  const c = config as QueryConfig;
  const params = Array.isArray(values) ? values : c.values;
  if (typeof c.submit === 'function' || c.name !== undefined || typeof c.text !== 'string' || !params?.length)
    return config;
  const name = statementName(c.text);
  return name ? { ...c, name } : config;
}

/** A client that names its statements. */
class NamingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads
  query(config: any, values?: any, callback?: any): any {
    return super.query(named(config, values) as never, values, callback);
  }
}

/** Whether a query is a plain BEGIN (a transaction's first statement, as Drizzle sends it: no parameters). */
function isBegin(config: unknown, values: unknown): boolean {
  const text = typeof config === 'string' ? config : (config as QueryConfig | undefined)?.text;
  const params = Array.isArray(values) ? values : (config as QueryConfig | undefined)?.values;
  return typeof text === 'string' && !params?.length && /^\s*begin\b/i.test(text);
}

/**
 * A pooled connection, which runs transactions, in pipeline mode: a query is sent without waiting for the answers to
 * the ones before it, and what is sent in one turn of the event loop leaves in one write. A transaction's statements
 * still run one after another, in the order they were sent; what the pipeline saves is round trips:
 *
 * - BEGIN is answered at once and leaves with the transaction's first statement (one round trip fewer for every
 *   transaction). Should it fail, that statement's answer is BEGIN's error.
 * - Statements the code sends together (`inOrder` in src/db/client.ts) are one round trip. After a failure in a
 *   transaction, PostgreSQL refuses the statements behind it until the rollback, so the first error is the one seen.
 */
class TransactionClient extends NamingClient {
  #begun: Promise<unknown> | undefined;

  constructor(config?: pg.ClientConfig) {
    super({ ...config, pipeline: true } as pg.ClientConfig);
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads
  query(config: any, values?: any, callback?: any): any {
    if (callback || typeof values === 'function' || typeof config?.submit === 'function')
      return super.query(config, values, callback);
    corkForTurn(this);
    if (!this.#begun && isBegin(config, values)) {
      const begun: Promise<unknown> = super.query(config, values);
      begun.catch(() => {}); // answered with the next statement
      this.#begun = begun;
      return Promise.resolve({ command: 'BEGIN', rowCount: null, rows: [], fields: [] });
    }
    const result: Promise<unknown> = super.query(config, values);
    const begun = this.#begun;
    if (!begun) return result;
    this.#begun = undefined;
    return Promise.all([begun, result]).then(([, r]) => r);
  }
}

type CorkableStream = NodeJS.WritableStream & { cork(): void; uncork(): void };
/** The sockets holding their writes until the turn of the event loop ends. */
const corked = new WeakSet<CorkableStream>();

/**
 * Holds a pipelined client's socket writes until this turn of the event loop ends: every query sent on it in this
 * turn (a transaction's statements sent together, the queries of every request served in the turn) leaves in one
 * system call.
 */
function corkForTurn(client: pg.Client): void {
  const stream = (client as unknown as { connection: { stream: CorkableStream } }).connection.stream;
  if (corked.has(stream)) return;
  corked.add(stream);
  stream.cork();
  setImmediate(() => {
    corked.delete(stream);
    stream.uncork();
  });
}

/** One shared connection in pipeline mode, opened on first use and again after it fails. */
class Lane {
  #client: pg.Client | undefined;
  #ready: Promise<pg.Client> | undefined;
  /** When each query still waiting for its answer was sent, oldest first. */
  readonly sentAt: number[] = [];
  /** When the last answer came. */
  answeredAt = 0;

  constructor(private readonly options: pg.ClientConfig) {}

  #connect(): Promise<pg.Client> {
    if (!this.#ready) {
      const client = new NamingClient({ ...this.options, pipeline: true } as pg.ClientConfig);
      const drop = () => {
        if (this.#client === client) this.#client = undefined;
        this.#ready = undefined;
      };
      client.on('error', drop);
      client.on('end', drop);
      this.#ready = client.connect().then(
        () => {
          this.#client = client;
          return client;
        },
        (e) => {
          drop();
          throw e;
        },
      );
    }
    return this.#ready;
  }

  async query(config: unknown, values: unknown): Promise<unknown> {
    const client = this.#client ?? (await this.#connect());
    corkForTurn(client);
    this.sentAt.push(performance.now());
    try {
      return await client.query(config as never, values as never);
    } finally {
      this.sentAt.shift();
      this.answeredAt = performance.now();
    }
  }

  async end(): Promise<void> {
    const ready = this.#ready;
    this.#ready = undefined;
    this.#client = undefined;
    if (ready) await ready.then((c) => c.end()).catch(() => {});
  }
}

/**
 * A lane is passed over while it has queries waiting and has answered none for this long: one slow statement (a
 * report, an export) holds up every query behind it on its connection, so those go through the pool instead.
 */
const STALL_MS = 100;

/** The pool for transactions (pipelined, see TransactionClient); single queries through the shared connections. */
export class PipelinedPool extends pg.Pool {
  readonly #lanes: Lane[];

  /**
   * `lanes`: how many shared connections. One by default: beside PostgreSQL on two CPUs, one lane sent more per write
   * and served about a third more requests than two (bench/README.md); a database on its own many-core machine may
   * want more, since one connection's queries run one at a time.
   */
  constructor(config: pg.PoolConfig & { lanes?: number }) {
    const { lanes = 1, ...poolConfig } = config;
    super({ ...poolConfig, Client: TransactionClient } as pg.PoolConfig);
    this.#lanes = Array.from({ length: lanes }, () => new Lane(poolConfig));
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads
  query(config: any, values?: any, callback?: any): any {
    // Callbacks and custom query objects (cursors, streams, which keep a portal open) keep to the pool.
    const own = typeof values === 'function' || callback || typeof config?.submit === 'function';
    const lane = own ? undefined : this.#pick();
    if (!lane) return super.query(config, values, callback);
    return lane.query(config, values);
  }

  /** The lane with the fewest queries waiting, if it is not stalled behind a slow one. */
  #pick(): Lane | undefined {
    let best: Lane | undefined;
    for (const lane of this.#lanes) if (!best || lane.sentAt.length < best.sentAt.length) best = lane;
    const oldest = best?.sentAt[0];
    if (!best || oldest === undefined) return best;
    return performance.now() - Math.max(oldest, best.answeredAt) > STALL_MS ? undefined : best;
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads
  end(callback?: any): any {
    const lanes = Promise.all(this.#lanes.map((l) => l.end()));
    if (callback) {
      lanes.then(() => super.end(callback));
      return;
    }
    return lanes.then(() => super.end());
  }
}
