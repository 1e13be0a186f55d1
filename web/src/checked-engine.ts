// The checker's engine and its compiled rules (the largest part of the web app): loaded by useCheck on demand, the
// first time a page has text to check, so pages that check nothing never download it.
import { warmUp } from '../../src/checker/engine';

export { check } from '../../src/checker/engine';

warmUp();
