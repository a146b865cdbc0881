import { formatBytes } from '../core/cookie/size';

/** Browsers refuse cookies over 4,096 bytes (name + value), so sizes near the limit are flagged. */
const NEAR_LIMIT = 3584;

export function SizeText({ size }: { size: number }) {
  return (
    <span
      class={`size${size >= NEAR_LIMIT ? ' large' : ''}`}
      data-testid="cookie-size"
      data-bytes={String(size)}
      title={`${size} bytes (name + value)`}
    >
      {formatBytes(size)}
    </span>
  );
}
