/**
 * Rows that can be on screen in the first frame: the popup is at most 600px high (more when opened as a tab) and a
 * collapsed row at least 72px (popup.css); the heading above the rows only lowers the count. Shared by the first
 * paint (paint-first-rows.ts) and PopupApp, so the app takes the first paint's rows over as they are.
 */
export function firstScreenRows(): number {
  return Math.ceil(Math.max(window.innerHeight, 600) / 72);
}
