/** Structured JSON logs, one object a line, to stdout (errors to stderr). */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Where a log line goes: stdout, errors to stderr. Tests pass their own sink to read what was logged. */
export type LogSink = (line: string, level: Level) => void;
const stdio: LogSink = (line, level) => (level === 'error' ? process.stderr : process.stdout).write(line);

/**
 * A failed query's error carries its SQL parameters (password hashes, addresses, feedback text) in its message and
 * its fields; a log keeps the SQL and the database's own error (name, message, code), never the values.
 */
function withoutParameters(message: string): string {
  const at = message.indexOf('\nparams: ');
  return at < 0 ? message : `${message.slice(0, at)}\nparams: [withheld]`;
}

/** An error's message, fit to keep in a log or a job's last error: without a failed query's parameters. */
export function errorMessage(e: unknown): string {
  return withoutParameters(e instanceof Error ? e.message : String(e));
}

function serialize(v: unknown, depth = 0): unknown {
  if (!(v instanceof Error)) return v;
  const message = withoutParameters(v.message);
  const out: Record<string, unknown> = { name: v.name, message, stack: v.stack?.replace(v.message, message) };
  const code = (v as { code?: unknown }).code;
  if (typeof code === 'string') out.code = code;
  if (v.cause !== undefined && depth < 3) out.cause = serialize(v.cause, depth + 1);
  return out;
}

export function createLogger(
  level: Level | 'silent' = 'info',
  base: Record<string, unknown> = {},
  sink: LogSink = stdio,
): Logger {
  const min = ORDER[level];
  const write = (lvl: Level, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < min) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level: lvl, msg, ...base };
    for (const [k, v] of Object.entries(fields ?? {})) entry[k] = serialize(v);
    sink(`${JSON.stringify(entry)}\n`, lvl);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger(level, { ...base, ...fields }, sink),
  };
}
