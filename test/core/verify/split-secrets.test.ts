import { describe, expect, it } from 'vitest';
import { splitSecrets } from '../../../src/core/verify/split-secrets';

describe('splitSecrets', () => {
  it('gives one secret per line, keeping their spaces and dropping empty lines', () => {
    expect(splitSecrets('keyboard cat')).toEqual(['keyboard cat']);
    expect(splitSecrets('first\r\n\n  second key \n')).toEqual(['first', '  second key ']);
    expect(splitSecrets('  \n ')).toEqual([]);
  });

  it('keeps a JWK or JWK Set whole, line breaks and all', () => {
    const jwks = '{\n  "keys": [\n    { "kty": "oct", "k": "c2VjcmV0" }\n  ]\n}\n';
    expect(splitSecrets(jwks)).toEqual([jwks.trim()]);
  });

  it('gives one key per PEM block, and an unterminated PEM whole', () => {
    const a = '-----BEGIN PUBLIC KEY-----\nAAAA\nBBBB\n-----END PUBLIC KEY-----';
    const b = '-----BEGIN CERTIFICATE-----\nCCCC\n-----END CERTIFICATE-----';
    expect(splitSecrets(`${a}\n\n${b}\n`)).toEqual([a, b]);
    expect(splitSecrets('-----BEGIN PUBLIC KEY-----\nAAAA')).toEqual(['-----BEGIN PUBLIC KEY-----\nAAAA']);
  });
});
