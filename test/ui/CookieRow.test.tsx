// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeCookieValue } from '../../src/core/decode/decode-cookie';
import { CookieRow } from '../../src/ui/CookieRow';
import { makeJwt } from '../fakes/make-jwt';
import { DAY, NOW, finding, record, sid, view } from './fixtures';
import { NEAR_SIZE_LIMIT } from '../../src/core/cookie/size';
import { expectTexts } from './render';

afterEach(cleanup);

function row(v: ReturnType<typeof view>, expanded = false, onToggle = (_k: string) => {}) {
  render(
    <ul>
      <CookieRow view={v} now={NOW} expanded={expanded} onToggle={onToggle} />
    </ul>,
  );
  return screen.getByTestId('cookie-row');
}

/** A collapsed `sid` row that records the keys it asks to toggle. */
function collapsedRow() {
  const toggled: string[] = [];
  const v = view(record({ name: 'sid' }));
  return { v, toggled, el: row(v, false, (k) => toggled.push(k)) };
}

describe('CookieRow', () => {
  it('carries the contract attributes and one chip per flag', () => {
    const c = record({
      name: 'sid',
      domain: '.example.com',
      hostOnly: false,
      httpOnly: true,
      secure: false,
      sameSite: 'no_restriction',
      partitionKey: { topLevelSite: 'https://example.com' },
    });
    const el = row(view(c, { sessionReason: sid, findings: [finding()] }));
    expect(el.dataset).toMatchObject({
      name: 'sid',
      domain: '.example.com',
      path: '/',
      session: 'true',
      httponly: 'true',
      secure: 'false',
      partitioned: 'true',
      hostonly: 'false',
      samesite: 'none',
      findings: '1',
    });
    expect(el.dataset.key).toContain('"sid"');
    const chips = within(within(el).getByTestId('cookie-flags')).getAllByRole('listitem');
    expect(chips.map((c) => [c.dataset.flag, c.dataset.on, c.textContent])).toEqual([
      ['httponly', 'true', 'HttpOnly'],
      ['secure', 'false', 'no Secure'],
      ['samesite', 'false', 'SameSite=None'],
      ['partitioned', 'true', 'Partitioned'],
      ['hostonly', 'false', 'Domain'],
    ]);
    expect(within(el).getByTestId('session-reason')).toHaveTextContent('known session name sid');
  });

  it('says "session" for a session cookie and has no session reason for others', () => {
    const el = row(view(record()));
    expect(within(el).getByTestId('cookie-expiry')).toHaveTextContent(/^session$/);
    expect(within(el).queryByTestId('session-reason')).toBeNull();
  });

  it('shows the absolute date and "in 13 days" for a future expiry', () => {
    const el = row(view(record({ browserSession: false, expirationDate: (NOW + 13 * DAY) / 1000 })));
    const exp = within(el).getByTestId('cookie-expiry');
    expectTexts(exp, '2026-01-14 00:00:00 UTC', 'in 13 days');
    expect(exp.dataset.expired).toBe('false');
  });

  it('says "expired 2 h ago" for a past expiry', () => {
    const el = row(view(record({ browserSession: false, expirationDate: (NOW - 2 * 3600_000) / 1000 })));
    const exp = within(el).getByTestId('cookie-expiry');
    expect(exp).toHaveTextContent('expired 2 h ago');
    expect(exp.dataset.expired).toBe('true');
  });

  it('shows the size in bytes', () => {
    const el = row(view(record({ name: 'n', value: 'x'.repeat(99) })));
    expect(within(el).getByTestId('cookie-size')).toHaveTextContent('100 B');
  });

  it('marks the size large exactly where the size-near-limit rule starts', () => {
    const at = row(view(record({ name: 'n', value: 'x'.repeat(NEAR_SIZE_LIMIT - 1) })));
    expect(within(at).getByTestId('cookie-size')).not.toHaveClass('large');
    cleanup();
    const over = row(view(record({ name: 'n', value: 'x'.repeat(NEAR_SIZE_LIMIT) })));
    expect(within(over).getByTestId('cookie-size')).toHaveClass('large');
  });

  it('renders a hostile value as text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const el = row(view(record({ name: hostile, value: hostile })), true);
    expect(document.querySelector('img')).toBeNull();
    expect(within(el).getByTestId('cookie-value').textContent).toBe(hostile);
    expect(within(el).getByTestId('cookie-name').textContent).toBe(hostile);
    expect(within(el).getByTestId('full-value').textContent).toBe(hostile);
  });

  it('shortens a 4 KB value in the row and shows it whole in the detail', () => {
    const big = 'A'.repeat(4096);
    const el = row(view(record({ value: big })), true);
    const short = within(el).getByTestId('cookie-value');
    expect(short.textContent!.length).toBeLessThan(120);
    expect(short.textContent).toContain('more');
    expect(short.dataset.omitted).toBe(String(4096 - 72));
    expect(within(el).getByTestId('full-value').textContent).toBe(big);
  });

  it('makes control and binary characters visible', () => {
    const el = row(view(record({ value: 'a\u0000b\u001bc\u202Ed\u0007' })), true);
    const v = within(el).getByTestId('cookie-value');
    expect(v.textContent).toBe('a\u2400b\u241bcU+202Ed\u2407');
    expect(v.querySelectorAll('.hidden-char')).toHaveLength(4);
    expect([...v.textContent!].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\u202e')).toBe(false);
  });

  it('asks to toggle from its button and shows the detail only when expanded', () => {
    const { v, toggled, el } = collapsedRow();
    const toggle = within(el).getByTestId('cookie-toggle');
    expect(toggle.tagName).toBe('BUTTON');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(el).queryByTestId('cookie-detail')).toBeNull();
    fireEvent.click(toggle);
    expect(toggled).toEqual([v.key]);
    cleanup();
    const open = row(v, true);
    expect(within(open).getByTestId('cookie-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(within(open).getByTestId('cookie-detail')).toBeInTheDocument();
    expect(within(open).getByTestId('decoded').dataset.format).toBe('none');
    expect(within(open).getByTestId('no-findings')).toBeInTheDocument();
  });

  it('shows a JWT with readable claim times and its status in the detail', async () => {
    const exp = (NOW - 3600_000) / 1000;
    const iat = (NOW - 2 * DAY) / 1000;
    const token = makeJwt({ sub: 'alice', exp, iat, roles: ['admin'] });
    const c = record({ name: 'token', value: token });
    const el = row(view(c, { decoded: await decodeCookieValue(c) }), true);
    const decoded = within(el).getByTestId('decoded');
    expect(decoded.dataset.format).toBe('jwt');
    expect(within(decoded).getByTestId('jwt-header')).toHaveTextContent('HS256');
    const claim = (n: string) =>
      within(decoded)
        .getAllByTestId('claim')
        .find((e) => e.dataset.claim === n)!;
    expect(claim('sub')).toHaveTextContent('alice');
    expect(claim('roles')).toHaveTextContent('"admin"');
    expectTexts(claim('exp'), '2025-12-31 23:00:00 UTC', 'expired 1 h ago');
    expectTexts(claim('iat'), '2025-12-30 00:00:00 UTC', '(2 days ago)');
    expect(within(decoded).getByTestId('jwt-status').dataset.status).toBe('expired');
  });

  it('toggles from a click on the row box itself (content skipped below the fold), not from its content', () => {
    const { v, toggled, el } = collapsedRow();
    fireEvent.click(within(el).getByTestId('cookie-value'));
    fireEvent.click(within(el).getByTestId('cookie-flags'));
    expect(toggled).toEqual([]);
    fireEvent.click(el);
    expect(toggled).toEqual([v.key]);
  });
  it('renders light: the contract attributes, its first line (toggle, name, size) and empty lines for the rest', () => {
    const toggled: string[] = [];
    const v = view(record({ name: 'sid' }), { sessionReason: sid });
    render(
      <ul>
        <CookieRow view={v} now={NOW} expanded={false} onToggle={(k) => toggled.push(k)} light />
      </ul>,
    );
    const el = screen.getByTestId('cookie-row');
    expect(el.dataset).toMatchObject({ name: 'sid', session: 'true' });
    expect(within(el).getByTestId('cookie-name')).toHaveTextContent('sid');
    expect(within(el).getByTestId('cookie-size')).toBeInTheDocument();
    for (const id of ['cookie-flags', 'cookie-expiry', 'cookie-value', 'copy-value', 'session-reason']) {
      expect(within(el).queryByTestId(id)).toBeNull();
    }
    // As many lines as the whole row (a session reason adds one), so its height is the same.
    expect(el.querySelectorAll(':scope > .line')).toHaveLength(5);
    fireEvent.click(within(el).getByTestId('cookie-toggle'));
    expect(toggled).toEqual([v.key]);
  });

  it('renders an expanded row whole even when asked for a light one', () => {
    render(
      <ul>
        <CookieRow view={view(record({ name: 'sid' }))} now={NOW} expanded onToggle={() => {}} light />
      </ul>,
    );
    const el = screen.getByTestId('cookie-row');
    expect(within(el).getByTestId('cookie-flags')).toBeInTheDocument();
    expect(within(el).getByTestId('cookie-detail')).toBeInTheDocument();
  });
});
