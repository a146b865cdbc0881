/** Bounds that keep every decoder fast on hostile input (values up to 1 MB). */
export const MAX_INPUT_CHARS = 1024 * 1024;
/** Decompressed output beyond this is a zip bomb as far as a cookie is concerned. */
export const MAX_INFLATED_BYTES = 1024 * 1024;
/** Layers of the generic chain (URL → base64 → JSON → …) before it stops. */
export const MAX_CHAIN_DEPTH = 8;
/** JSON nodes visited when looking for tokens nested in decoded data. */
export const MAX_NESTED_SCAN = 10_000;
