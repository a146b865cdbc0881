// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeCookieValue } from '../../src/core/decode/decode-cookie';
import { opaque, type DecodedValue } from '../../src/core/decode/decoded-value';
import { DecodedView } from '../../src/ui/DecodedView';
import { flaskDecoded } from '../fakes/make-decoded';
import { makeJwt, unsecuredJwt } from '../fakes/make-jwt';
import { DAY, NOW, record } from './fixtures';
import { expectTexts } from './render';

afterEach(cleanup);

async function decodedJwt(claims: Record<string, unknown>, header?: Record<string, unknown>) {
  return decodeCookieValue(record({ value: makeJwt(claims, { header }) }));
}

describe('DecodedView', () => {
  it('renders whatever a decoder returns: data, layers, notes and the error', () => {
    const d = flaskDecoded({
      hmacSigned: true,
      data: { user_id: 42, cart: ['<script>x</script>'] },
      issuedAt: (NOW - DAY) / 1000,
      layers: [
        { kind: 'base64url', label: 'base64url', output: 'eJyrVi' },
        { kind: 'zlib', label: 'zlib → JSON', output: '{"user_id":42}' },
      ],
      notes: ['signed with a timestamp'],
      error: 'payload larger than 64 KB, stopped',
    });
    render(<DecodedView decoded={d} now={NOW} />);
    const root = screen.getByTestId('decoded');
    expect(root.dataset.format).toBe('flask');
    expect(root).toHaveTextContent('Flask session (itsdangerous)');
    expectTexts(screen.getByTestId('decoded-data'), '"user_id": 42', '<script>x</script>');
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getAllByTestId('decode-layer').map((l) => l.dataset.kind)).toEqual(['base64url', 'zlib']);
    expect(screen.getByTestId('decode-note')).toHaveTextContent('signed with a timestamp');
    expect(screen.getByTestId('decode-error')).toHaveTextContent('payload larger than 64 KB');
    expect(screen.getByTestId('decoded-issued')).toHaveTextContent('2025-12-31 00:00:00 UTC (1 day ago)');
  });

  it('lays decoded JSON out on real lines, while a line feed inside a value stays escaped', () => {
    const d: DecodedValue = {
      ...opaque(),
      format: 'cookie-session',
      label: 'cookie-session',
      hmacSigned: true,
      clientReadable: true,
      data: { user: 'alice\nbob', n: 1 },
    };
    render(<DecodedView decoded={d} now={NOW} />);
    const box = screen.getByTestId('decoded-data');
    expect(box.textContent).toBe('{\n  "user": "alice\\nbob",\n  "n": 1\n}');
    expect(box.querySelector('.hidden-char')).toBeNull();
  });

  it('still shows a line feed as a visible stand-in in a decoded plain string', () => {
    const d: DecodedValue = { ...opaque(), label: 'text', data: 'line1\nline2' };
    render(<DecodedView decoded={d} now={NOW} />);
    expect(screen.getByTestId('decoded-data').querySelector('.hidden-char')).toHaveTextContent('\u240a');
  });

  it('says "none" for an opaque value and shows its entropy', () => {
    render(<DecodedView decoded={{ ...opaque(), entropyBits: 128.4 }} now={NOW} />);
    expect(screen.getByTestId('decoded').dataset.format).toBe('none');
    expect(screen.getByTestId('entropy')).toHaveTextContent('About 128 bits');
    expect(screen.queryByTestId('jwt-claims')).toBeNull();
  });

  it('marks a token that is not valid yet', async () => {
    render(<DecodedView decoded={await decodedJwt({ nbf: (NOW + 3600_000) / 1000 })} now={NOW} />);
    const status = screen.getByTestId('jwt-status');
    expect(status.dataset.status).toBe('not-yet-valid');
    const nbf = screen.getAllByTestId('claim').find((c) => c.dataset.claim === 'nbf')!;
    expect(nbf).toHaveTextContent('2026-01-01 01:00:00 UTC (in 1 h)');
  });

  it('marks a current token valid and says when it expires', async () => {
    render(<DecodedView decoded={await decodedJwt({ exp: (NOW + 13 * DAY) / 1000 })} now={NOW} />);
    const status = screen.getByTestId('jwt-status');
    expect(status.dataset.status).toBe('valid');
    expect(status).toHaveTextContent('expires in 13 days');
  });

  it('warns about an unsigned token', async () => {
    const d = await decodeCookieValue(record({ value: unsecuredJwt({ sub: 'a' }) }));
    render(<DecodedView decoded={d} now={NOW} />);
    expect(screen.getByTestId('jwt-unsigned')).toBeInTheDocument();
  });

  it('shows only the header of an encrypted token', () => {
    const d: DecodedValue = {
      ...opaque(['encrypted: only the header is readable without the key']),
      format: 'jwe',
      label: 'JSON Web Encryption (encrypted)',
      jwt: { kind: 'jwe', header: { alg: 'dir', enc: 'A256GCM' }, alg: 'dir', enc: 'A256GCM' },
    };
    render(<DecodedView decoded={d} now={NOW} />);
    const header = screen.getByTestId('jwt-header');
    expect(
      within(header)
        .getAllByTestId('header-param')
        .map((p) => p.textContent),
    ).toEqual(['algdir', 'encA256GCM']);
    expect(screen.queryByTestId('jwt-claims')).toBeNull();
  });

  it('shows hidden characters in layer labels, the format label, JSON keys and the error as code points', async () => {
    const rlo = '\u202e';
    const token = makeJwt({ sub: 'x' });
    const d = await decodeCookieValue(
      record({ value: Buffer.from(JSON.stringify({ [`a${rlo}b`]: { tok: token } })).toString('base64') }),
    );
    render(<DecodedView decoded={{ ...d, label: `label${rlo}`, error: `stopped${rlo}` }} now={NOW} />);
    const root = screen.getByTestId('decoded');
    // The nested token's layer is labelled with its JSON path, which holds the page's key.
    expect(screen.getAllByTestId('decode-layer').some((l) => l.textContent!.includes('token at $.aU+202Eb.tok'))).toBe(
      true,
    );
    expect(root.querySelector('.decoded-label')).toHaveTextContent('labelU+202E');
    expect(screen.getByTestId('decode-error')).toHaveTextContent('stoppedU+202E');
    expect(root.textContent).not.toContain(rlo);
  });
});
