import { formatBytes, isNearSizeLimit } from '../core/cookie/size';

export function SizeText({ size }: { size: number }) {
  return (
    <span
      class={`size${isNearSizeLimit(size) ? ' large' : ''}`}
      data-testid="cookie-size"
      data-bytes={String(size)}
      title={`${size} bytes (name + value)`}
    >
      {formatBytes(size)}
    </span>
  );
}
