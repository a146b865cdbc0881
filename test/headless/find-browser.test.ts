import { describe, expect, it } from 'vitest';
import { AuditError } from '../../src/headless/audit-error';
import { findBrowser } from '../../src/headless/find-browser';

describe('findBrowser', () => {
  it('takes an explicit path first, then the environment, and never guesses past a wrong one', () => {
    const node = process.execPath;
    expect(findBrowser({ path: node, env: {} })).toBe(node);
    expect(findBrowser({ env: { SESSIONSCOPE_BROWSER_PATH: node } })).toBe(node);
    expect(findBrowser({ kind: 'firefox', env: { FIREFOX_PATH: node } })).toBe(node);
    expect(() => findBrowser({ env: { CHROME_PATH: '/nonexistent/chrome' } })).toThrow(
      /CHROME_PATH is set to \/nonexistent\/chrome/,
    );
    try {
      findBrowser({ path: '/nonexistent/chrome' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AuditError);
      expect((e as AuditError).code).toBe('no-browser');
    }
  });
});
