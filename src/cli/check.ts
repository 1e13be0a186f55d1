// `debrief check`: runs the checker over files or stdin, streaming. Each input is read in chunks, cut at a paragraph
// or sentence end, checked segment by segment with offsets and line/column carried forward, and its findings are
// written as they are found, so memory stays flat however large the input.
import { once } from 'node:events';
import { open, stat } from 'node:fs/promises';
import {
  ALL_JURISDICTIONS,
  type CheckOptions,
  type Finding,
  type Jurisdiction,
  type Mode,
  Scanner,
} from '../checker';

export const CHECK_USAGE = `Usage: debrief check [--mode feedback|request] [--jurisdiction us,uk,eu] [--format text|json] [FILE... | -]

Finds legal and tone risk in interview feedback (mode feedback, the default: scorecard notes, feedback drafts)
or in a candidate's email asking for feedback (mode request). With no FILE, or with -, reads standard input.

Options:
  --mode, -m          feedback (default) or request
  --jurisdiction, -j  comma-separated rule sets to apply: us, uk, eu (default: all)
  --format, -f        text (default): file:line:col severity category message, one line per finding
                      json: {"results":[{"file","findings":[{ruleId, category, severity, line, column, endLine,
                      endColumn, start, end, text, message, suggestion}]}]}
  --help, -h          show this help

Exit status: 0 when no finding blocks, 1 when one does, 2 on a usage error or an unreadable file.
`;

/** Read size, and the size at which the pending text is cut at a safe boundary and checked. */
const CHUNK = 1 << 16;
const SEGMENT = 1 << 18;

class UsageError extends Error {}

interface Parsed {
  mode: Mode;
  jurisdictions: Jurisdiction[];
  format: 'text' | 'json';
  files: string[];
  help: boolean;
}

function parseArgs(args: string[]): Parsed {
  const out: Parsed = {
    mode: 'feedback',
    jurisdictions: [...ALL_JURISDICTIONS],
    format: 'text',
    files: [],
    help: false,
  };
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      out.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      out.help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-'))
        throw new UsageError(`${name} needs a value`);
      i++;
      return next;
    };
    switch (name) {
      case '--mode':
      case '-m': {
        const v = value();
        if (v !== 'feedback' && v !== 'request')
          throw new UsageError(`--mode must be feedback or request, not "${v}"`);
        out.mode = v;
        break;
      }
      case '--jurisdiction':
      case '--jurisdictions':
      case '-j': {
        const list = value()
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean);
        const bad = list.filter((j) => !ALL_JURISDICTIONS.includes(j as Jurisdiction));
        if (!list.length || bad.length) {
          throw new UsageError(
            `--jurisdiction takes a comma-separated list of us, uk, eu (got "${bad.join(',')}")`,
          );
        }
        out.jurisdictions = list as Jurisdiction[];
        break;
      }
      case '--format':
      case '-f': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not "${v}"`);
        out.format = v;
        break;
      }
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }
  return out;
}

/** Buffered stdout that honours back-pressure, so a flood of findings does not pile up in memory. */
class Output {
  private parts: string[] = [];
  private size = 0;
  async write(s: string): Promise<void> {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= CHUNK) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.parts.length) return;
    const s = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!process.stdout.write(s)) await once(process.stdout, 'drain');
  }
}

export interface Located extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where to cut pending text so no sentence is split: after the last newline, else after the last sentence end. */
export function safeCut(text: string, force: boolean): number {
  const nl = text.lastIndexOf('\n');
  if (nl >= 0) return nl + 1;
  const sentence = Math.max(text.lastIndexOf('. '), text.lastIndexOf('! '), text.lastIndexOf('? '));
  if (sentence >= 0) return sentence + 2;
  if (!force) return 0;
  const space = text.lastIndexOf(' ');
  return space > 0 ? space + 1 : text.length;
}

/**
 * Checks a stream of text segment by segment and yields findings with line and column (counted from 1, in UTF-16
 * code units). Document-level findings (request mode) come last and point at line 1, column 1.
 */
export async function* checkStream(
  source: AsyncIterable<string>,
  options: CheckOptions,
): AsyncGenerator<Located> {
  const scanner = new Scanner(options);
  let pending = '';
  let segmentBase = 0; // file offset of the segment being located
  let segment = '';
  let cursor = 0; // file offset up to which newlines have been counted
  let line = 1;
  let lineStart = 0; // file offset where the current line starts
  const advance = (to: number) => {
    let i = segment.indexOf('\n', cursor - segmentBase);
    while (i >= 0 && i + segmentBase < to) {
      line++;
      lineStart = i + segmentBase + 1;
      i = segment.indexOf('\n', i + 1);
    }
    cursor = to;
  };
  function* locate(seg: string): Generator<Located> {
    segment = seg;
    for (const f of scanner.push(seg)) {
      advance(f.start);
      const startLine = line;
      const startColumn = f.start - lineStart + 1;
      advance(f.end);
      yield { ...f, line: startLine, column: startColumn, endLine: line, endColumn: f.end - lineStart + 1 };
    }
    advance(segmentBase + seg.length);
    segmentBase += seg.length;
  }
  for await (const chunk of source) {
    pending += chunk;
    if (pending.length < SEGMENT) continue;
    const cut = safeCut(pending, pending.length >= 8 * SEGMENT);
    if (cut === 0) continue;
    const seg = pending.slice(0, cut);
    pending = pending.slice(cut);
    yield* locate(seg);
  }
  if (pending) yield* locate(pending);
  for (const f of scanner.finish()) yield { ...f, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

async function openSource(file: string): Promise<AsyncIterable<string>> {
  if (file === '-') {
    process.stdin.setEncoding('utf8');
    return process.stdin;
  }
  const info = await stat(file);
  if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  const handle = await open(file, 'r');
  return handle.createReadStream({ encoding: 'utf8', highWaterMark: CHUNK });
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EACCES') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  return e?.message ?? String(error);
}

export async function runCheck(args: string[]): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`debrief check: ${e.message}\n\n${CHECK_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(CHECK_USAGE);
    return 0;
  }
  if (!parsed.files.length) {
    if (process.stdin.isTTY) {
      process.stderr.write(`debrief check: give a FILE, or - to read standard input\n\n${CHECK_USAGE}`);
      return 2;
    }
    parsed.files.push('-');
  }
  const options: CheckOptions = { mode: parsed.mode, jurisdictions: parsed.jurisdictions };
  const json = parsed.format === 'json';
  const out = new Output();
  let blocking = false;
  let unreadable = false;
  let firstResult = true;
  if (json) await out.write('{"results":[');
  for (const file of parsed.files) {
    let source: AsyncIterable<string>;
    try {
      source = await openSource(file);
    } catch (e) {
      process.stderr.write(`debrief check: cannot read ${file}: ${reason(e)}\n`);
      unreadable = true;
      continue;
    }
    if (json) {
      await out.write(`${firstResult ? '' : ','}{"file":${JSON.stringify(file)},"findings":[`);
      firstResult = false;
    }
    let first = true;
    try {
      for await (const f of checkStream(source, options)) {
        if (f.severity === 'block') blocking = true;
        if (json) {
          const record = {
            ruleId: f.ruleId,
            category: f.category,
            severity: f.severity,
            line: f.line,
            column: f.column,
            endLine: f.endLine,
            endColumn: f.endColumn,
            start: f.start,
            end: f.end,
            text: f.text,
            message: f.message,
            suggestion: f.suggestion,
          };
          await out.write((first ? '' : ',') + JSON.stringify(record));
        } else {
          await out.write(`${file}:${f.line}:${f.column} ${f.severity} ${f.category} ${f.message}\n`);
        }
        first = false;
      }
    } catch (e) {
      process.stderr.write(`debrief check: error reading ${file}: ${reason(e)}\n`);
      unreadable = true;
    }
    if (json) await out.write(']}');
  }
  if (json) await out.write(']}\n');
  await out.flush();
  return unreadable ? 2 : blocking ? 1 : 0;
}
