import { base64ToBytes, bytesToUtf8, type Bytes } from '../decode/bytes';

/** Laravel's APP_KEY is `base64:<key>` in .env; a key without the prefix is used as raw bytes. */
export function laravelKey(secret: Bytes): Bytes {
  const text = bytesToUtf8(secret);
  const key = text?.startsWith('base64:') ? base64ToBytes(text.slice(7).trim()) : null;
  return key ?? secret;
}
