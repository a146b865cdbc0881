import { describe, expect, it } from 'vitest';
import { markWhenShown, SHOWN_MARK, type VisibilitySource } from '../../src/popup/first-paint-marks';

/** A document whose visibility the test sets, firing `visibilitychange` as the browser does. */
function fakeDocument(initial: DocumentVisibilityState) {
  const listeners = new Set<() => void>();
  const doc = {
    visibilityState: initial,
    addEventListener: (_: 'visibilitychange', l: () => void) => void listeners.add(l),
    removeEventListener: (_: 'visibilitychange', l: () => void) => void listeners.delete(l),
  };
  const become = (state: DocumentVisibilityState) => {
    doc.visibilityState = state;
    for (const l of [...listeners]) l();
  };
  return { doc: doc as VisibilitySource, become, listeners };
}

describe('markWhenShown', () => {
  it('marks the first time a hidden page (a toolbar popup loading) is made visible, once', () => {
    const { doc, become, listeners } = fakeDocument('hidden');
    const marks: string[] = [];
    markWhenShown(doc, (name) => marks.push(name));
    expect(marks).toEqual([]);
    become('hidden');
    expect(marks).toEqual([]);
    become('visible');
    expect(marks).toEqual([SHOWN_MARK]);
    become('hidden');
    become('visible');
    expect(marks).toEqual([SHOWN_MARK]);
    expect(listeners.size).toBe(0);
  });

  it('marks nothing for a page visible from the start (opened in a tab)', () => {
    const { doc, become, listeners } = fakeDocument('visible');
    const marks: string[] = [];
    markWhenShown(doc, (name) => marks.push(name));
    become('hidden');
    become('visible');
    expect(marks).toEqual([]);
    expect(listeners.size).toBe(0);
  });
});
