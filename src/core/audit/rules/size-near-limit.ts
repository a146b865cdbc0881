import { cookieSize, isNearSizeLimit } from '../../cookie/size';
import type { CookieRule } from '../rule';
import { ruleInfo } from '../rule-info';

export const sizeNearLimit: CookieRule = {
  ...ruleInfo('size-near-limit'),
  check: (c) => {
    const size = cookieSize(c.cookie);
    return isNearSizeLimit(size) ? { severity: 'info', detail: `${size} bytes` } : null;
  },
};
