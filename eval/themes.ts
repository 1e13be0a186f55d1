// Theme accuracy on published gap statements (eval/data/themes-realworld*.yaml, each labelled by hand before the
// matcher read it): for each statement, the theme the improvement plan would give it (its criterion and the text
// together) against the label. Split into a learn half and a holdout half by source page, as the checker's real-world
// sets; reported per set and for all sets together.
import { themeOfGap, themesOf } from '../src/domain/themes';
import { halfOf } from './realworld';
import {
  crossValidate,
  noteWithSecondOpinion,
  trainOnLearn,
  whereSplit,
  withSecondOpinion,
} from './theme-model';
import { GAP_FILES, type GapItem, loadGapItems } from './theme-sets';

export interface HalfAccuracy {
  items: number;
  pages: number;
  correct: number;
  misses: string[];
}

export function scoreGaps(items: GapItem[]): HalfAccuracy {
  let correct = 0;
  const misses: string[] = [];
  for (const item of items) {
    const got = themeOfGap({ criterion: item.criterion, evidence: item.text })?.theme ?? null;
    if (got === item.theme) correct++;
    else
      misses.push(
        `expected ${item.theme ?? 'none'}, got ${got ?? 'none'}: ${item.criterion ? `[${item.criterion}] ` : ''}${item.text}`,
      );
  }
  return { items: items.length, pages: new Set(items.map((i) => i.url)).size, correct, misses };
}

/**
 * The same statements read as a logged note (themesOf on the statement alone, no heading): the first theme it names
 * is the label (or it names none when the label is null). A note has no criterion, so this is the harder reading.
 */
export function scoreFreeText(items: GapItem[]): HalfAccuracy {
  let correct = 0;
  const misses: string[] = [];
  for (const item of items) {
    const got = themesOf(item.text)[0]?.theme ?? null;
    if (got === item.theme) correct++;
    else misses.push(`expected ${item.theme ?? 'none'}, got ${got ?? 'none'}: ${item.text}`);
  }
  return { items: items.length, pages: new Set(items.map((i) => i.url)).size, correct, misses };
}

const fmt = (h: HalfAccuracy) =>
  `${h.correct} of ${h.items} (${h.items ? (h.correct / h.items).toFixed(3) : '-'}) from ${h.pages} pages`;

/** Prints theme accuracy for both halves of each set and of all sets; learn-half misses only when asked, holdout misses never. */
export function reportThemeAccuracy(showLearnMisses: boolean): void {
  console.log('\n=== Theme accuracy: published gap statements, labelled before the matcher read them ===');
  const all: GapItem[] = [];
  for (const file of GAP_FILES) {
    const items = loadGapItems(file);
    all.push(...items);
    const learn = scoreGaps(items.filter((i) => halfOf(i.url) === 'learn'));
    const holdout = scoreGaps(items.filter((i) => halfOf(i.url) === 'holdout'));
    console.log(`  ${file}`);
    console.log(`    learn half (may be read to find classes of misses): ${fmt(learn)}`);
    if (showLearnMisses) for (const m of learn.misses) console.log(`      ${m}`);
    console.log(`    HOLDOUT half (never read): ${fmt(holdout)}`);
  }
  const learn = scoreGaps(all.filter((i) => halfOf(i.url) === 'learn'));
  const holdout = scoreGaps(all.filter((i) => halfOf(i.url) === 'holdout'));
  console.log(`  all sets: learn ${fmt(learn)}`);
  console.log(`  all sets: HOLDOUT (the figure users will meet) ${fmt(holdout)}`);
  // The statistical second opinion (eval/theme-model.ts), measured and not shipped: the learn figure is out of fold.
  const cv = crossValidate();
  const model = trainOnLearn();
  const holdoutItems = all.filter((i) => halfOf(i.url) === 'holdout');
  const held = holdoutItems.filter(
    (i) => withSecondOpinion({ criterion: i.criterion, evidence: i.text }, model) === i.theme,
  ).length;
  console.log(
    '  with a naive Bayes second opinion where the rules find no theme (eval/theme-model.ts; not shipped):',
  );
  console.log(
    `    all sets: learn, 5-fold out of fold ${cv.together} of ${cv.items} (the model alone ${cv.alone}); HOLDOUT ${held} of ${holdoutItems.length} (${(held / holdoutItems.length).toFixed(3)})`,
  );
  // Per set (holdout aggregates only): the rules with the model where they find none, and where they are split.
  const holdoutOf = (f: string) => loadGapItems(f).filter((i) => halfOf(i.url) === 'holdout');
  const right = (
    items: GapItem[],
    pick: (g: { criterion: string | null; evidence: string }) => string | null,
  ) => items.filter((i) => pick({ criterion: i.criterion, evidence: i.text }) === i.theme).length;
  const silentBySet = GAP_FILES.map(
    (f) => `${right(holdoutOf(f), (g) => withSecondOpinion(g, model))}/${holdoutOf(f).length}`,
  );
  const bySet = GAP_FILES.map(
    (f) => `${right(holdoutOf(f), (g) => whereSplit(g, model))}/${holdoutOf(f).length}`,
  );
  const heldSplit = holdoutItems.filter(
    (i) => whereSplit({ criterion: i.criterion, evidence: i.text }, model) === i.theme,
  );
  console.log(`    HOLDOUT by set: ${silentBySet.join(', ')}`);
  console.log(
    `    where the rules find none or their best leads by less than 1: learn, out of fold ${cv.split} of ${cv.items}; HOLDOUT ${heldSplit.length} of ${holdoutItems.length} (${(heldSplit.length / holdoutItems.length).toFixed(3)}; by set ${bySet.join(', ')})`,
  );
  for (const gated of [false, true]) {
    const heldNotes = holdoutItems.filter(
      (i) => noteWithSecondOpinion(i.text, model, gated) === i.theme,
    ).length;
    console.log(
      `    read as logged notes, the model where themesOf finds none${gated ? ' and the note says something fell short' : ' (any text)'}: learn, out of fold ${gated ? cv.gatedNotes : cv.notes} of ${cv.items}; HOLDOUT ${heldNotes} of ${holdoutItems.length} (${(heldNotes / holdoutItems.length).toFixed(3)})`,
    );
  }
  const noteLearn = scoreFreeText(all.filter((i) => halfOf(i.url) === 'learn'));
  const noteHoldout = scoreFreeText(all.filter((i) => halfOf(i.url) === 'holdout'));
  console.log('  read as logged notes (themesOf on the statement alone, its first theme):');
  console.log(`    all sets: learn ${fmt(noteLearn)}`);
  console.log(`    all sets: HOLDOUT ${fmt(noteHoldout)}`);
}
