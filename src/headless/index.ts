/**
 * The SessionScope audit for browser tests: `auditPage` on a Puppeteer or Playwright page, `snapshotSession`
 * and `compareSessions` for a login or logout of the test's own.
 */
export { auditPage, type AuditPageOptions, type AuditStep, type PageAction, type PageAudit } from './audit-page';
export { snapshotSession, type PageSession } from './snapshot-session';
export { compareSessions, type SessionComparison, type SessionEvent } from '../core/session/compare-sessions';
export type { SessionSnapshot } from '../core/session/session-snapshot';
export { invalidationFindings, type ReplayOutcome } from '../core/session/invalidation-findings';
export { replaySession, type AuthenticatedCheck } from './replay-session';
export { launchBrowser, type LaunchOptions } from './launch-browser';
export { findBrowser, type BrowserKind } from './find-browser';
export { AuditError, type AuditErrorCode } from './audit-error';
export type { AuditablePage, PlaywrightPage } from './page-types';
export { findingsAtOrAbove } from '../core/audit/summary';
export { buildSarif } from '../core/export/sarif';
export type { Finding, Severity, Grade } from '../core/audit/finding';
export type { Report } from '../core/export/report';
export type { CookieRecord } from '../core/cookie/cookie-record';
