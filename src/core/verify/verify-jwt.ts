import { compactVerify, errors } from 'jose';
import { decodeJwt } from '../decode/jwt';
import { importVerifyKey } from './jwt-key';
import type { VerifyResult } from './verify-result';
import { errorText } from '../error-text';

/**
 * Checks a compact JWS's signature with each given secret or key, in order. Only the signature: no claim is
 * checked, so an expired token still verifies (the audit reports expiry separately). Never rejects.
 */
export async function verifyJwt(token: string, inputs: readonly string[]): Promise<VerifyResult> {
  const jwt = decodeJwt(token);
  if (jwt.kind === 'jwe') {
    return { status: 'unsupported', format: 'jwe', message: 'a JWE is encrypted: decrypting it is out of scope' };
  }
  if (jwt.kind !== 'jws') return { status: 'unsupported', format: null, message: `not a JWT: ${jwt.reason}` };
  const alg = jwt.alg ?? '';
  if (jwt.unsigned || alg.toLowerCase() === 'none') {
    return {
      status: 'invalid',
      format: 'jwt',
      message: 'the token is unsigned (alg none): there is no signature to verify',
    };
  }
  if (inputs.length === 0) return { status: 'unsupported', format: 'jwt', message: 'no secret or key given' };
  const kid = typeof jwt.header.kid === 'string' ? jwt.header.kid : undefined;
  const problems: string[] = [];
  let tried = 0;
  for (const [index, input] of inputs.entries()) {
    const imported = await importVerifyKey(input, alg, kid);
    if (!imported.ok) {
      problems.push(imported.message);
      continue;
    }
    for (const key of imported.keys) {
      tried++;
      try {
        await compactVerify(token.trim(), key, { algorithms: [alg] });
        return {
          status: 'valid',
          format: 'jwt',
          matchedIndex: index,
          message: `${alg} signature verified with key #${index + 1}`,
        };
      } catch (e) {
        if (e instanceof errors.JWSSignatureVerificationFailed) continue;
        if (e instanceof errors.JOSENotSupported || e instanceof errors.JOSEAlgNotAllowed) {
          return { status: 'unsupported', format: 'jwt', message: `${alg} is not supported here: ${e.message}` };
        }
        problems.push(errorText(e));
      }
    }
  }
  if (tried === 0) return { status: 'unsupported', format: 'jwt', message: problems[0] ?? 'no usable key' };
  const extra = problems.length > 0 ? ` (${problems.join('; ')})` : '';
  return {
    status: 'invalid',
    format: 'jwt',
    message: `the ${alg} signature matches none of the ${inputs.length} given${extra}`,
  };
}
