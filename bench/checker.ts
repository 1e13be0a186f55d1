// `npm run bench:checker`: throughput of `debrief check` against alex (the most used peer) and against the practical
// ceiling, a single combined regular expression over the same vocabulary, on one generated feedback corpus.
//
//   npm run bench:checker                # 32 MB corpus for debrief, a 1 MB slice of it for alex
//   npm run bench:checker -- --mb 64 --alex-kb 512
//   npm run bench:checker -- --risky 0.03                # a lighter corpus: 3% of sentences risky, not one in ten
//   npm run bench:checker -- --mb 32 --write-corpus /tmp/feedback.txt   # just write the corpus
//
// Whole processes are timed for debrief and alex (startup, reading, checking, writing the report); the ceiling is
// timed in-process (a regular expression scan and nothing else). Peak memory of the debrief process is reported too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from '../eval/prng';
import { check, vocabularySource } from '../src/checker';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MB = arg('--mb', 32);
const ALEX_KB = arg('--alex-kb', 1024);
const RUNS = arg('--runs', 3);
/** The share of sentences that are risky: one in ten, a dense corpus where findings are many. */
const RISKY_SHARE = arg('--risky', 0.1);

// --- a deterministic corpus of realistic feedback --------------------------------------------------------------

const SUBJECTS = ['You', 'She', 'He', 'They', 'The candidate'];
const ACTIONS = [
  'walked us through the cache invalidation design and handled the follow-up questions well',
  'described the rollback steps in order when asked about the outage',
  'used a window function correctly but missed the null case in the SQL exercise',
  'disabled the failing test instead of fixing it, which hid the regression',
  'explained how the native mobile app syncs offline changes',
  'wrote tests first and kept each commit small during the pairing session',
  'estimated the migration at three weeks and listed the risks',
  'asked two clarifying questions before starting the design',
  'proposed a queue between the services and explained the back-pressure',
  'found the race condition in the scheduler after adding logging',
  'compared Postgres and DynamoDB for the access pattern with numbers',
  'left no time for questions at the end of the presentation',
  'did not handle the empty input case until the interviewer pointed it out',
  'rebased the branch on master and resolved the conflicts quickly',
  'described the maternity-leave booking flow they had built at their last company',
  'explained the senior engineer role they held and the team of four they led',
];
const CLOSERS = [
  'The role needs production Kubernetes experience, and this was limited to a course project.',
  'This meets the bar for the API design requirement.',
  'The written exercise had two errors that changed the meaning of the customer reply.',
  'Overall the coding round was strong and the system design round was mixed.',
  'The interviewer noted clear, structured communication throughout.',
];
const RISKY = [
  'She seemed tired, maybe pregnant.',
  'He would be a great culture fit for a young team.',
  'Another candidate had more Kafka experience.',
  'Not a people person.',
  'Not the right fit.',
  'Her English is broken.',
  'He is probably too old for a startup.',
  'You ranked third of five.',
  'Came across as arrogant.',
  'Overqualified for this level.',
];

export function corpus(bytes: number, seed = 42, riskyShare = RISKY_SHARE): string {
  const rand = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const parts: string[] = [];
  let size = 0;
  let risky = 0;
  let sentences = 0;
  while (size < bytes) {
    let paragraph = '';
    const n = 3 + Math.floor(rand() * 4);
    for (let i = 0; i < n; i++) {
      sentences++;
      let s: string;
      if (rand() < riskyShare) {
        s = pick(RISKY);
        risky++;
      } else if (rand() < 0.2) s = pick(CLOSERS);
      else s = `${pick(SUBJECTS)} ${pick(ACTIONS)}.`;
      paragraph += (i ? ' ' : '') + s;
    }
    paragraph += '\n\n';
    parts.push(paragraph);
    size += paragraph.length;
  }
  const text = parts.join('');
  (corpus as unknown as { stats: string }).stats =
    `${sentences} sentences, ${risky} risky (${((100 * risky) / sentences).toFixed(1)}%)`;
  return text;
}

// --- timing ----------------------------------------------------------------------------------------------------
function timeProcess(cmd: string, args: string[]): { ms: number; status: number | null; stderr: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  return { ms, status: r.status, stderr: r.stderr };
}

function best(n: number, f: () => number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) min = Math.min(min, f());
  return min;
}

const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

function main() {
  if (!existsSync(join(root, 'dist', 'cli.js'))) {
    const b = spawnSync(process.execPath, ['scripts/build.mjs', '--cli'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build failed');
  }
  const dir = mkdtempSync(join(tmpdir(), 'debrief-bench-'));
  try {
    const text = corpus(MB * 1e6);
    const file = join(dir, 'feedback.txt');
    writeFileSync(file, text);
    const slice = text.slice(0, text.indexOf('\n\n', ALEX_KB * 1000) + 2);
    const sliceFile = join(dir, 'feedback-slice.txt');
    writeFileSync(sliceFile, slice);
    const bytes = Buffer.byteLength(text);
    const sliceBytes = Buffer.byteLength(slice);
    console.log(`corpus: ${(bytes / 1e6).toFixed(1)} MB, ${(corpus as unknown as { stats: string }).stats}`);
    console.log(
      `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1e9).toFixed(1)} GB, Node ${process.version}`,
    );

    // debrief, whole process, as a user runs it.
    const bin = join(root, 'bin', 'debrief.js');
    const debriefMs = best(
      RUNS,
      () => timeProcess(process.execPath, [bin, 'check', '--format', 'json', file]).ms,
    );
    // Startup alone, on an empty input.
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const startupMs = best(
      RUNS,
      () => timeProcess(process.execPath, [bin, 'check', '--format', 'json', empty]).ms,
    );
    // Peak memory of the same run.
    const probe = join(dir, 'rss.mjs');
    writeFileSync(
      probe,
      `process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n'));\n` +
        `await import(${JSON.stringify(join(root, 'dist', 'cli.js'))});\n`,
    );
    const rss = timeProcess(process.execPath, [probe, 'check', '--format', 'json', file]);
    const rssMb = Number(/MAXRSS (\d+)/.exec(rss.stderr)?.[1]) / 1024;

    // alex, whole process, on a slice (it is about a thousand times slower); the best of as many runs as debrief
    // gets, since one run of alex moves by a third with the machine's load.
    const alexCli = join(root, 'node_modules', 'alex', 'cli.js');
    const alexMs = best(
      RUNS,
      () => timeProcess(process.execPath, [alexCli, '--text', '--quiet', sliceFile]).ms,
    );
    const alexStartupMs = best(
      RUNS,
      () => timeProcess(process.execPath, [alexCli, '--text', '--quiet', empty]).ms,
    );

    // The ceiling: one combined regular expression over the same vocabulary, in-process, nothing else.
    const re = new RegExp(vocabularySource('feedback'), 'gi');
    let hits = 0;
    const ceilingMs = best(RUNS, () => {
      const t0 = performance.now();
      hits = 0;
      re.lastIndex = 0;
      while (re.exec(text)) hits++;
      return performance.now() - t0;
    });
    // The engine alone, in-process (no startup, no I/O, no JSON).
    let findings = 0;
    const engineMs = best(RUNS, () => {
      const t0 = performance.now();
      findings = check(text).length;
      return performance.now() - t0;
    });

    const rows: [string, number, number][] = [
      [`debrief check --format json (whole process, ${(bytes / 1e6).toFixed(0)} MB)`, bytes, debriefMs],
      [`alex --text (whole process, ${(sliceBytes / 1e6).toFixed(2)} MB slice)`, sliceBytes, alexMs],
      ['combined RegExp over the same vocabulary (in-process)', bytes, ceilingMs],
      ['debrief check() engine only (in-process)', bytes, engineMs],
    ];
    console.log('');
    for (const [name, b, ms] of rows) {
      console.log(
        `${name.padEnd(70)} ${(ms / 1000).toFixed(2).padStart(7)} s ${mbps(b, ms).toFixed(2).padStart(8)} MB/s`,
      );
    }
    const debrief = mbps(bytes, debriefMs);
    const alex = mbps(sliceBytes, alexMs);
    const ceiling = mbps(bytes, ceilingMs);
    console.log('');
    console.log(`debrief / alex:            ${(debrief / alex).toFixed(0)}x (target >= 100x)`);
    const steady = mbps(bytes, debriefMs - startupMs) / mbps(sliceBytes, alexMs - alexStartupMs);
    console.log(`debrief / alex, startup excluded for both: ${steady.toFixed(0)}x`);
    console.log(`ceiling / debrief process: ${(ceiling / debrief).toFixed(2)}x (target <= 10x)`);
    console.log(`ceiling / debrief engine:  ${(ceiling / mbps(bytes, engineMs)).toFixed(2)}x`);
    console.log(
      `startup: debrief ${startupMs.toFixed(0)} ms, alex ${alexStartupMs.toFixed(0)} ms; peak RSS of debrief on ${(bytes / 1e6).toFixed(0)} MB: ${rssMb.toFixed(0)} MB`,
    );
    console.log(`findings: ${findings}; ceiling regex hits (candidate words): ${hits}`);
    if (!existsSync(file) || readFileSync(sliceFile, 'utf8') !== slice) throw new Error('corpus changed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `--write-corpus FILE` writes the corpus and exits (for profiling: node --cpu-prof bin/debrief.js check FILE).
const out = process.argv.indexOf('--write-corpus');
if (out > 0) writeFileSync(process.argv[out + 1], corpus(MB * 1e6));
else main();
