// The composer's and the checker's output over a fixed set of inputs, as one JSON line each, to compare before and
// after a change that must not change a letter: 3,000 generated hiring outcomes (eval/draft-scenarios.ts), every
// third again with an organization's voice and jurisdictions, and the checker's findings in feedback and request
// mode for every line of the labelled sets (eval/data/*.txt). Prints the line count and a SHA-256 of the whole.
//   npx tsx bench/compose-golden.ts /tmp/before.txt   (then the same after the change, and `cmp` the two files)
//   npx tsx bench/compose-golden.ts /tmp/memo.txt --memo   (every draft composed with one memo shared by all, as a
//   batch shares one: the file must be the same as without)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { scenario } from '../eval/draft-scenarios';
import { check } from '../src/checker';
import { ComposeMemo, composeFeedback } from '../src/domain/compose-feedback';

const out = process.argv[2];
const memo = process.argv.includes('--memo') ? new ComposeMemo() : undefined;
const lines: string[] = [];
for (let i = 0; i < 3000; i++) {
  const { input } = scenario(i);
  lines.push(JSON.stringify(composeFeedback(input, memo)));
  if (i % 3 === 0)
    lines.push(
      JSON.stringify(
        composeFeedback(
          {
            ...input,
            jurisdictions: ['us', 'uk'],
            voice: { intro: 'We read every scorecard.', closing: 'Good luck.' },
          },
          memo,
        ),
      ),
    );
}
for (const set of ['feedback-dev', 'feedback-heldout', 'feedback-blind']) {
  for (const line of readFileSync(new URL(`../eval/data/${set}.txt`, import.meta.url), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const text = line.split(' | ').slice(1).join(' | ');
    lines.push(JSON.stringify(check(text, { mode: 'feedback' })));
    lines.push(JSON.stringify(check(text, { mode: 'request' })));
  }
}
const all = lines.join('\n');
if (out) writeFileSync(out, all);
console.log(`${lines.length} lines, sha256 ${createHash('sha256').update(all).digest('hex')}`);
