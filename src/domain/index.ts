// Pure rules of the product: no I/O, no Node APIs; the server and the browser both load them.
export * from './compose-feedback';
export * from './feedback-html';
export * from './pipeline';
export * from './pointers';
export * from './rejection-reasons';
export * from './relink-evidence';
export * from './second-person';
export * from './stage-policy';
export { excerpt, inlineName, type SentenceSpan, splitSentences } from './text';
export * from './vocabulary';
