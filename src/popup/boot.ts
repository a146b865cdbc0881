// The popup page's script: a few KB that paint the rows, then the popup proper (main.tsx) loads and takes them over.
// First: its body starts reading the tab's cookies before the modules below are evaluated.
import { earlyHint, earlyRead } from './read-early';
import { extensionVersion } from '../platform/extension-version';
import { firstPaint } from './first-paint';
import { firstRows } from './first-rows';
import { takeOver } from './take-over';
// Every stylesheet of the popup, the lazy parts' too: inlined into the page (scripts/popup-bundle.ts), so the first
// paint is styled and nothing restyles when the rest arrives.
import '../ui/theme.css';
import '../ui/components.css';
import './popup.css';
import '../ui/verify.css';
import '../ui/transfer.css';
import '../ui/export-report.css';

const root = document.getElementById('app')!;

// The rows paint before Preact, the views and the state are even fetched (no preact, no Public Suffix List, no
// audit, and no decoder when the background's hint answers for these cookies): that code comes in a chunk loaded
// once they have painted, and renders over them in place.
const rows = firstRows({
  hint: earlyHint,
  version: extensionVersion,
  decode: async () => (await import('../core/cookie-views')).cookieRows,
});
void takeOver(root, firstPaint({ ...earlyRead, rows }, root, { checkboxes: true }), () => import('./main'));
