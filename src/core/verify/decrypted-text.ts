import { bytesToBase64, bytesToUtf8, isPrintable, type Bytes } from '../decode/bytes';

/** Plaintext shown beyond this is cut: a cookie is at most a few kilobytes, a hostile value up to a megabyte. */
export const MAX_DECRYPTED_CHARS = 64 * 1024;

export interface PlaintextText {
  text: string;
  /** Whether the bytes are UTF-8 text a person can read (otherwise `text` is their base64). */
  readable: boolean;
  notes: string[];
}

/** Decrypted bytes as bounded text; bytes that are not readable UTF-8 as base64, and a note says so. */
export function plaintextText(bytes: Bytes): PlaintextText {
  const utf8 = bytesToUtf8(bytes);
  const readable = utf8 !== null && isPrintable(utf8);
  const full = readable ? utf8 : bytesToBase64(bytes.subarray(0, (MAX_DECRYPTED_CHARS / 4) * 3));
  const notes = readable ? [] : [`the ${bytes.length} decrypted bytes are not text: shown as base64`];
  if (full.length > MAX_DECRYPTED_CHARS || (!readable && bytes.length > (MAX_DECRYPTED_CHARS / 4) * 3)) {
    notes.push(`${bytes.length.toLocaleString('en')} bytes decrypted: the text is cut`);
  }
  return { text: full.slice(0, MAX_DECRYPTED_CHARS), readable, notes };
}
