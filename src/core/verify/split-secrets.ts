const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/**
 * What the user pasted into the verify field, as the list verifyCookie takes: a JWK or JWK Set (JSON) is one
 * key; PEM blocks are one key each; anything else is one secret per line (key rotation: keygrip's key list,
 * Flask's and Django's fallbacks). Lines keep their inner and outer spaces (a secret may have them), only
 * the line breaks and empty lines go.
 */
export function splitSecrets(input: string): string[] {
  const trimmed = input.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('{')) return [trimmed];
  if (trimmed.includes('-----BEGIN ')) {
    const blocks = trimmed.match(PEM_BLOCK);
    // An unterminated PEM is still passed on whole, so the verifier can say what is wrong with it.
    return blocks ?? [trimmed];
  }
  return input.split(/\r?\n/).filter((line) => line !== '');
}
