import { check } from '/work/main/src/checker/index.ts';
const lines = process.argv.slice(2);
for (const l of lines) {
  const f = check(l, { mode: 'feedback' });
  console.log(JSON.stringify(l.slice(0, 70)), '=>', f.map((x) => `${x.category}:${x.ruleId}:"${x.text}"`).join(' | ') || '-');
}
