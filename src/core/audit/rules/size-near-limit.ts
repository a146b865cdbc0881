import { cookieSize, isNearSizeLimit } from '../../cookie/size';
import type { CookieRule } from '../rule';
import { SOURCE_URL } from '../sources';

export const sizeNearLimit: CookieRule = {
  id: 'size-near-limit',
  severities: ['info'],
  explanation:
    'Name and value together are close to the 4,096 bytes browsers accept; a little more and the browser silently drops the cookie.',
  fix: 'Store less in the cookie, for example keep the data server-side and send an id.',
  source: 'RFC 6265bis §5.6',
  sourceUrl: SOURCE_URL.rfc6265bis,
  check: (c) => {
    const size = cookieSize(c.cookie);
    return isNearSizeLimit(size) ? { severity: 'info', detail: `${size} bytes` } : null;
  },
};
