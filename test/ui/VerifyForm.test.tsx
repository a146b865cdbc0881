// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { CookieDetail } from '../../src/ui/CookieDetail';
import { createPopupStore } from '../../src/state/create-store';
import type { Verifier } from '../../src/state/verification-slice';
import { NOW, record } from './fixtures';
import { frameworkCookie } from '../fixtures/fixtures';
import { renderWithStore } from './render';
import { jarLoader } from '../state/jar-loader';

afterEach(cleanup);

const sid = frameworkCookie('express-session-random');
const cs = frameworkCookie('cookie-session-two-keys');
const rs256 = frameworkCookie('jsonwebtoken-RS256');
const railsMarkup = frameworkCookie('rails-encrypted-markup');
const laravelJson = frameworkCookie('laravel-gcm-json');

/** The detail of `name` under a store whose loader analyses `jar`, as the popup and the panel wire it. */
async function detailOf(jar: CookieRecord[], name: string, verify?: Verifier) {
  const store = createPopupStore({ now: NOW, ...(verify ? { verify } : {}) });
  const loader = jarLoader(store, () => jar);
  await loader.load();
  const Detail = () => {
    const view = store.site.cookies.value.find((c) => c.cookie.name === name)!;
    return <CookieDetail view={view} now={NOW} />;
  };
  renderWithStore(<Detail />, store);
  return { store, detail: screen.getByTestId('cookie-detail') };
}

function type(text: string): void {
  fireEvent.input(screen.getByTestId('verify-input'), { target: { value: text } });
}

async function verifyWith(text: string, status: string): Promise<HTMLElement> {
  type(text);
  fireEvent.click(screen.getByTestId('verify-button'));
  return waitFor(() => {
    const result = screen.getByTestId('verify-result');
    expect(result.dataset.status).toBe(status);
    return result;
  });
}

function rules(detail: HTMLElement): string[] {
  return within(detail)
    .queryAllByTestId('finding')
    .map((f) => f.dataset.rule ?? '');
}

describe('VerifyForm in the cookie detail', () => {
  it('says the secret stays in memory, and verifies only once something is typed', async () => {
    await detailOf(sid.jar, 'connect.sid');
    expect(screen.getByTestId('verify')).toHaveTextContent('Kept in memory only');
    expect(screen.getByTestId('verify-button')).toBeDisabled();
    type('something');
    expect(screen.getByTestId('verify-button')).toBeEnabled();
    expect(screen.queryByTestId('verify-result')).toBeNull();
  });

  it('says "signature invalid" for a wrong secret and "signature valid" for the right one, with their findings', async () => {
    const { store, detail } = await detailOf(sid.jar, 'connect.sid');
    const invalid = await verifyWith('not-the-secret', 'invalid');
    expect(invalid).toHaveTextContent(/^signature invalid — express-session id/);
    await waitFor(() => expect(rules(detail)).toContain('signature-invalid'));

    const valid = await verifyWith(sid.secrets[0]!, 'valid');
    expect(valid).toHaveTextContent(/^signature valid — express-session id: signature verified/);
    await waitFor(() => expect(rules(detail)).toContain('signature-verified'));
    expect(rules(detail)).not.toContain('signature-invalid');
    // The store keeps the outcome only.
    expect(JSON.stringify([...store.verification.verifications.value])).not.toContain(sid.secrets[0]!);
  });

  it('takes several cookie-session keys, one per line, from the .sig cookie too', async () => {
    await detailOf(cs.jar, 'session.sig');
    const sig = await verifyWith(`wrong-key\n${cs.secrets[0]!}\n`, 'valid');
    expect(sig).toHaveTextContent(
      /^signature valid — cookie-session \(session\.sig\): signature verified with secret #2/,
    );
    cleanup();
    // The fixture signs with its first key: the second one alone does not verify.
    await detailOf(cs.jar, 'session');
    expect(await verifyWith(cs.secrets[1]!, 'invalid')).toHaveTextContent('signature invalid');
  });

  it('says "unsupported: …" when the input cannot check the signature (a secret for RS256)', async () => {
    const { detail } = await detailOf(rs256.jar, rs256.cookie.name);
    const result = await verifyWith('just a secret', 'unsupported');
    expect(result).toHaveTextContent(/^unsupported: RS256 needs a public key/);
    expect(rules(detail)).not.toContain('signature-invalid');
    expect(rules(detail)).not.toContain('signature-verified');
  });

  it('hands a pasted PEM over as one key, and several secrets as a list', async () => {
    const verify = vi.fn<Verifier>(() => Promise.resolve({ status: 'invalid', format: 'jwt', message: 'no match' }));
    await detailOf(rs256.jar, rs256.cookie.name, verify);
    const pem = '-----BEGIN PUBLIC KEY-----\nMFkwEwYH\nKoZIzj0C\n-----END PUBLIC KEY-----';
    await verifyWith(`${pem}\n`, 'invalid');
    expect(verify.mock.calls[0]![2]).toEqual([pem]);
    await verifyWith('one\r\ntwo', 'invalid');
    expect(verify.mock.calls[1]![2]).toEqual(['one', 'two']);
  });

  it('shows the outcome as text, and no form for a value without a signature', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await detailOf(sid.jar, 'connect.sid', () =>
      Promise.resolve({ status: 'unsupported', format: null, message: hostile }),
    );
    const result = await verifyWith('x', 'unsupported');
    expect(result).toHaveTextContent(`unsupported: ${hostile}`);
    expect(result.querySelector('img')).toBeNull();
    cleanup();
    await detailOf([record({ name: 'theme', value: 'dark' })], 'theme');
    expect(screen.queryByTestId('verify')).toBeNull();
  });
});

describe('VerifyForm decrypting encrypted cookies', () => {
  it('decrypts a Rails encrypted cookie with secret_key_base and shows the markup in it as text', async () => {
    const { detail } = await detailOf(railsMarkup.jar, 'flash');
    expect(screen.getByTestId('verify')).toHaveTextContent('Verify and decrypt');
    expect(screen.getByLabelText('secret_key_base')).toBe(screen.getByTestId('verify-input'));
    const invalid = await verifyWith('not-the-secret', 'invalid');
    expect(invalid).toHaveTextContent(
      /^signature invalid — Rails encrypted cookie \(AES-256-GCM\): authentication failed/,
    );
    expect(screen.queryByTestId('decrypted')).toBeNull();

    const valid = await verifyWith(railsMarkup.secrets[0]!, 'valid');
    expect(valid).toHaveTextContent(/authenticated and decrypted with the secret/);
    const decrypted = screen.getByTestId('decrypted');
    expect(screen.getByTestId('decrypted-data')).toHaveTextContent('"notice": "<img src=x onerror=alert(1)>"');
    expect(screen.getByTestId('decrypted-text')).toHaveTextContent('"_rails"');
    expect(decrypted.querySelector('img')).toBeNull();
    expect(detail.querySelector('img, script')).toBeNull();
    await waitFor(() => expect(rules(detail)).toContain('signature-verified'));
  });

  it("decrypts a Laravel cookie with APP_KEY, says what the prefix is, and keeps the value's markup as text", async () => {
    const { detail } = await detailOf(laravelJson.jar, 'preferences');
    expect(screen.getByLabelText('APP_KEY')).toBe(screen.getByTestId('verify-input'));
    await verifyWith('base64:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', 'invalid');
    await verifyWith(laravelJson.secrets[0]!, 'valid');
    expect(screen.getByTestId('decrypted-data')).toHaveTextContent('"banner": "<script>alert(1)</script>"');
    const notes = screen.getAllByTestId('decrypted-note').map((n) => n.textContent);
    expect(notes.join(' ')).toMatch(/cookie-name prefix/);
    expect(detail.querySelector('script, img')).toBeNull();
  });
});
