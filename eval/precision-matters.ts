// The "Precision matters" list: none of these may produce any finding in feedback mode. Shared by the
// test suite (test/checker/precision.test.ts) and the evaluation (eval/run.ts).
export const PRECISION_MATTERS: readonly string[] = [
  'You disabled the failing test.',
  'He is a senior engineer.',
  'You built native mobile apps.',
  'The platform is cloud-native.',
  'Please rebase on the master branch.',
  'The disability insurance product you designed was well received.',
  'You walked us through the maternity-leave booking flow.',
  'The role requires fluent Spanish for customers in Mexico.',
  'You interrupted the interviewer four times before the questions were finished.',
];
