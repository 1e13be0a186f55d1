// Debrief's checker: finds legal and tone risk in interview feedback (mode `feedback`) and in a candidate's
// request for feedback (mode `request`). Plain TypeScript with no Node APIs: the server and the browser both load it.
export {
  ALL_JURISDICTIONS,
  type CheckedPart,
  check,
  checkPart,
  checkParts,
  hasBlocking,
  listRules,
  Scanner,
  separableAt,
  vocabularySource,
} from './engine';
export type {
  CheckOptions,
  DocumentTest,
  Finding,
  FindingSeverity,
  Jurisdiction,
  Mode,
  RuleData,
  RuleExamples,
  Severity,
} from './types';
export {
  CATEGORIES,
  type Category,
  isRequestCategory,
  JURISDICTIONS,
  MODES,
  SEVERITIES,
} from './vocabulary';
