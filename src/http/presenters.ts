/**
 * What leaves the API: never a password hash, a token hash, or another organization's data. Each resource has its
 * presenters in `presenters/`; this module exports them all.
 */

export * from './presenters/applications';
export * from './presenters/audit';
export * from './presenters/auth';
export * from './presenters/feedback';
export * from './presenters/jobs';
export * from './presenters/members';
export * from './presenters/rejection-reasons';
export * from './presenters/tokens';
