// Placeholder entry: replaced by the background worker (change log, messages, badge).
import { listen } from '../platform/messaging';

const startedAt = Date.now();
listen({
  ping: async () => ({ ok: true, startedAt }),
  getTabCookies: async () => ({ ok: false, reason: 'error', message: 'not implemented yet' }),
  getChangeLog: async () => ({ ok: true, entries: [], dropped: 0, capacity: 5000 }),
});
