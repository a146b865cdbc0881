import { describe, expect, it } from 'vitest';
import { navigationCommitted, scriptLoading, type TraceEvent } from '../../bench/trace-loading';

const NAV = 1_000_000; // trace µs
const FRAME = 'F1';
const PID = 7;
const TID = 7;

function instant(name: string, ms: number, data: NonNullable<TraceEvent['args']>['data']): TraceEvent {
  return { name, ph: 'I', ts: NAV + ms * 1000, pid: PID, tid: TID, args: { data } };
}

/** A script request of `frame` at `sent` ms, answered and loaded at the given times (omitted: never). */
function script(id: string, sent: number, answered?: number, loaded?: number, frame = FRAME): TraceEvent[] {
  const url = `chrome-extension://x/${id}.js`;
  const out = [instant('ResourceSendRequest', sent, { frame, requestId: id, resourceType: 'Script', url })];
  if (answered !== undefined) out.push(instant('ResourceReceiveResponse', answered, { frame, requestId: id }));
  if (loaded !== undefined) out.push(instant('ResourceFinish', loaded, { requestId: id }));
  return out;
}

describe('the popup trace: how a page loaded the scripts of its first paint', () => {
  const until = NAV + 150 * 1000;

  it('counts the scripts the page asked for before its rows, and when the last was asked for, answered and loaded', () => {
    const events = [
      instant('ResourceSendRequest', 1, { frame: FRAME, requestId: 'doc', resourceType: 'Document', url: 'x.html' }),
      instant('ResourceFinish', 30, { requestId: 'doc' }),
      ...script('early', 45, 90, 110),
      ...script('index', 48, 97, 105),
      // Another page's script (the harness's control page shares the renderer) and one asked for after the rows.
      ...script('other', 46, 200, 210, 'F2'),
      ...script('later', 160, 170, 180),
    ];
    expect(scriptLoading(events, FRAME, NAV, until)).toEqual({ scripts: 2, requested: 48, answered: 97, loaded: 110 });
  });

  it('says NaN, not the time of the others, when one of the scripts never came', () => {
    const events = [...script('early', 45, 90, 110), ...script('index', 48, 97)];
    const loading = scriptLoading(events, FRAME, NAV, until);
    expect(loading.answered).toBe(97);
    expect(loading.loaded).toBeNaN();
  });

  it('says no script and NaN times for a page that asked for none', () => {
    const loading = scriptLoading([], FRAME, NAV, until);
    expect(loading.scripts).toBe(0);
    expect(loading.requested).toBeNaN();
    expect(loading.loaded).toBeNaN();
  });

  it("puts the commit at the end of the page's own CommitNavigation", () => {
    const commit = (pid: number, start: number, dur: number): TraceEvent => ({
      name: 'RenderFrameImpl::CommitNavigation',
      ph: 'X',
      ts: NAV + start * 1000,
      dur: dur * 1000,
      pid,
      tid: pid,
    });
    // The previous page's commit, before this navigation started, and another renderer's.
    const events = [commit(PID, -40, 20), commit(9, 10, 5), commit(PID, 25, 37.5)];
    expect(navigationCommitted(events, PID, TID, NAV)).toBe(62.5);
    expect(navigationCommitted([], PID, TID, NAV)).toBeNaN();
  });
});
