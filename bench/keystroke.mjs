#!/usr/bin/env node
// The checker's cost per keystroke in the browser. The web app runs the whole checker on a field's text after every
// change (web/src/checked.tsx), so a keystroke in a 2,000-word note costs one check of 2,000 words. This bundles the
// checker as the web app loads it, opens it in Chromium, types 400 characters at the end of a 2,000-word scorecard
// note and times each check. The baseline, in the same page and run, is the least any checker must do per keystroke:
// lower-case the text and split it into words.
//
//   node bench/keystroke.mjs [--words 2000] [--keys 400]
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumPath, root } from '../scripts/setup.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const WORDS = arg('words', 2000);
const KEYS = arg('keys', 400);

const bundle = await build({
  entryPoints: [join(root, 'src/checker/engine.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'DebriefChecker',
  platform: 'browser',
  target: 'es2022',
  minify: true,
});
const code = bundle.outputFiles[0].text;

// A scorecard note as interviewers write them: observations, a requirement, and a few phrases the checker flags.
const SENTENCES = [
  'In the system design round she proposed a queue between the services and explained the back-pressure clearly.',
  'The written exercise had two errors that changed the meaning of the customer reply.',
  'He walked us through the cache invalidation design and handled the follow-up questions well.',
  'The role needs production Kubernetes experience, and this was limited to a course project.',
  'They did not handle the empty input case until the interviewer pointed it out.',
  'Honestly she seemed a bit old for a team this young.',
  'Not a culture fit, hard to say why.',
  'Rebased the branch on master and resolved the conflicts quickly, then explained the senior engineer role they held.',
  'Another candidate was stronger on SQL, but the window function answer was correct apart from the null case.',
  'Estimated the migration at three weeks and listed the risks, including the disabled feature flag.',
];

const browser = await chromium.launch({ executablePath: chromiumPath });
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>keystroke</title>');
  await page.addScriptTag({ content: code });
  const r = await page.evaluate(
    ({ sentences, words, keys }) => {
      let note = '';
      let n = 0;
      for (let i = 0; n < words; i++) {
        const s = sentences[i % sentences.length];
        note += (i % 4 === 3 ? '\n\n' : ' ') + s;
        n += s.split(/\s+/).length;
      }
      const check = globalThis.DebriefChecker.check;
      const typed = ' Overall the coding round was strong and the system design round was mixed.';
      const time = (fn) => {
        const out = [];
        let text = note;
        fn(text); // the web app's engine warms up at load; so does this one
        for (let k = 0; k < keys; k++) {
          text += typed[k % typed.length];
          const t = performance.now();
          fn(text);
          out.push(performance.now() - t);
        }
        return out.sort((a, b) => a - b);
      };
      const q = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
      const stats = (xs) => ({ median: q(xs, 0.5), p95: q(xs, 0.95), max: xs[xs.length - 1] });
      const findings = check(note).length;
      return {
        words: n,
        findings,
        checker: stats(time((t) => check(t))),
        baseline: stats(time((t) => t.toLowerCase().split(/\s+/).length)),
      };
    },
    { sentences: SENTENCES, words: WORDS, keys: KEYS },
  );
  const ms = (x) => `${x.toFixed(2)} ms`;
  console.log(
    `Checker per keystroke in Chromium: a ${r.words}-word note (${r.findings} findings), ${KEYS} keystrokes`,
  );
  console.log(
    `  checker   median ${ms(r.checker.median)}, p95 ${ms(r.checker.p95)}, max ${ms(r.checker.max)}`,
  );
  console.log(`  baseline  median ${ms(r.baseline.median)} (lower-case and split into words)`);
  console.log(
    `  ratio     ${(r.checker.median / r.baseline.median).toFixed(1)}x the baseline; target under 5 ms`,
  );
} finally {
  await browser.close();
}
