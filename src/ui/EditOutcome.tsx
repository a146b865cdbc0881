import type { CookieAttribute } from '../core/cookie/changed-attributes';
import type { CookieWriteResult } from '../protocol/messages';
import { useEdit } from './store-context';
import { ValueText } from './ValueText';
import { counted } from './counted';

const ATTRIBUTE_WORDS: Record<CookieAttribute, string> = {
  value: 'the value',
  hostOnly: 'host-only or Domain',
  secure: 'Secure',
  httpOnly: 'HttpOnly',
  sameSite: 'SameSite',
  expiry: 'the expiry',
};

/** What the browser did with one write, read back from the jar (never an assumed success). */
export function outcomeText(r: CookieWriteResult): string {
  const removing = r.op.kind === 'remove';
  let text: string;
  if (r.outcome === 'written') text = removing ? 'deleted' : 'saved as asked';
  else if (r.outcome === 'changed')
    text = `saved, but the browser changed ${r.differs.map((a) => ATTRIBUTE_WORDS[a]).join(', ')}`;
  else if (r.reason === 'browser') text = `refused by the browser: ${r.error.slice(0, 300)}`;
  else if (r.reason === 'not-stored')
    text = 'not stored: the browser accepted the call but the cookie is not in the jar';
  else text = 'not deleted: the cookie is still in the jar';
  if (r.restored?.length)
    text += `; ${counted(r.restored.length, 'same-named cookie', 'same-named cookies')} the browser removed with it ${r.restored.length === 1 ? 'was' : 'were'} put back`;
  if (r.lost?.length)
    text += `; ${counted(r.lost.length, 'same-named cookie', 'same-named cookies')} the browser removed with it could not be put back`;
  if (r.kept) text += '; the cookie it replaced could not be removed, so both are in the jar';
  return text;
}

/** Nothing to say of this write but that it did as asked. */
function plain(r: CookieWriteResult): boolean {
  return r.outcome === 'written' && !r.restored?.length && !r.lost?.length && !r.kept;
}

/** The kind of outcome, for a count: "deleted", "saved as asked", "saved with changes", "not saved"… */
function kindOf(r: CookieWriteResult): string {
  const removing = r.op.kind === 'remove';
  if (r.outcome === 'written') return removing ? 'deleted' : 'saved as asked';
  if (r.outcome === 'changed') return 'saved with changes';
  return removing ? 'not deleted' : 'not saved';
}

/** "58 saved as asked, 2 not saved": each kind of outcome counted, in the order first met. */
export function outcomeCounts(results: readonly CookieWriteResult[]): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(kindOf(r), (counts.get(kindOf(r)) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n.toLocaleString('en')} ${kind}`).join(', ');
}

/** Up to this many results are listed one by one; more are counted, and only the ones with more to say listed. */
const LISTED = 5;

function ResultRows({ results }: { results: readonly CookieWriteResult[] }) {
  return (
    <ul>
      {results.map((r, i) => (
        <li key={i} data-testid="edit-result-row" data-outcome={r.outcome}>
          <ValueText value={r.op.cookie.name} max={80} class="name" /> (
          <ValueText value={r.op.cookie.path} max={200} />
          ): <ValueText value={outcomeText(r)} max={600} class="prose" />
        </li>
      ))}
    </ul>
  );
}

/** Each cookie's outcome: all of them when few, else the counts, what did not go as asked, the rest folded. */
function ResultList({ results }: { results: readonly CookieWriteResult[] }) {
  if (results.length <= LISTED) return <ResultRows results={results} />;
  const notable = results.filter((r) => !plain(r));
  const rest = results.filter(plain);
  return (
    <>
      <p data-testid="edit-result-counts">{outcomeCounts(results)}.</p>
      {notable.length > 0 && <ResultRows results={notable} />}
      {rest.length > 0 && (
        <details data-testid="edit-result-rest">
          <summary>
            {notable.length > 0 ? 'The other' : 'Each of the'} {counted(rest.length, 'cookie', 'cookies')}
          </summary>
          <ResultRows results={rest} />
        </details>
      )}
    </>
  );
}

/** The last write's or undo's outcome, per cookie, and the Undo button. */
export function EditOutcome() {
  const edit = useEdit();
  if (!edit) return null;
  const { writer } = edit;
  const last = writer.last.value;
  const undo = writer.undoState.value;
  const working = writer.working.value;
  return (
    <div class="edit-outcome" data-testid="edit-outcome">
      {working !== null && (
        <p role="status" data-testid="edit-working">
          {'Working: '}
          <ValueText value={working} max={200} />
          {'… each cookie is written and read back from the jar.'}
        </p>
      )}
      {last && working === null && (
        <div role="status" data-testid="edit-result" data-kind={last.kind}>
          {last.kind === 'nothing-to-undo' && <p>Nothing to undo.</p>}
          {last.kind === 'failed' && (
            <p>
              <ValueText value={last.label} max={200} />
              {' failed: '}
              <ValueText value={last.error} max={300} />
            </p>
          )}
          {(last.kind === 'write' || last.kind === 'undo') && (
            <>
              <p>
                {last.kind === 'undo' ? 'Undone: ' : 'Done: '}
                <ValueText value={last.label} max={200} />
                {last.changedSince
                  ? ` (${counted(last.changedSince, 'cookie had', 'cookies had')} changed since; the undo replaced those changes)`
                  : ''}
              </p>
              <ResultList results={last.results} />
            </>
          )}
        </div>
      )}
      {undo.label !== null && (
        <button
          type="button"
          data-testid="undo"
          disabled={writer.busy.value}
          onClick={() => void writer.undo()}
          aria-label={`Undo ${undo.label}`}
        >
          {'Undo '}
          <ValueText value={undo.label} max={80} />
        </button>
      )}
    </div>
  );
}
