import { SignJWT } from 'jose';

/** Four HS256 JWTs (valid, long-lived, expired, short) for the benchmark's cookie mix. */
export async function makeJwts(): Promise<string[]> {
  const key = new TextEncoder().encode('bench-secret-that-is-not-in-any-dictionary-0123456789');
  const now = Math.floor(Date.now() / 1000);
  return Promise.all(
    [3600, 86_400 * 3, -600, 900].map((life, i) =>
      new SignJWT({ sub: `user-${i}`, role: i % 2 ? 'admin' : 'user', scope: 'read write' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt(now - 60)
        .setExpirationTime(now + life)
        .sign(key),
    ),
  );
}
