import { formatBytes, isNearSizeLimit } from '../core/cookie/size';

/** SizeText's attributes; its text is `formatBytes(size)`. For a caller that draws them in an element of its own. */
export function sizeAttrs(size: number) {
  return {
    class: isNearSizeLimit(size) ? 'size large' : 'size',
    'data-testid': 'cookie-size',
    'data-bytes': String(size),
    title: `${size} bytes (name + value)`,
  };
}

export function SizeText({ size }: { size: number }) {
  return <span {...sizeAttrs(size)}>{formatBytes(size)}</span>;
}
