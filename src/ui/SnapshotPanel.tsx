import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { registrableDomain } from '../core/cookie/site';
import { cookiesCount } from '../core/export/export-result';
import { errorText } from '../core/error-text';
import { diffSnapshots, type SnapshotDiff } from '../core/snapshot/diff-snapshots';
import type { Snapshot } from '../core/snapshot/snapshot';
import { diffWithNow, restoreSnapshot, snapshotExport } from '../state/snapshot-actions';
import { takeSnapshot, type SnapshotSite } from '../state/take-snapshot';
import type { TransferDeps, WriteResult } from '../state/transfer-deps';
import { ChoiceSelect } from './ChoiceSelect';
import { formatDate } from './format-date';
import { SnapshotDiffView } from './SnapshotDiffView';
import { useStore } from './store-context';
import { OutcomeLine } from './OutcomeLine';
import { ValueText } from './ValueText';
import { counted } from './counted';

/** The `with` choice for the site as it is now; snapshot choices are `=` + name, so no name can collide. */
const NOW = '';
/**
 * A snapshot's name is typed by the user; the status quotes it, and cookie names and the browser's words when a
 * restore fails (from the page): both are shown as visible text, cut at these lengths.
 */
const NAME_MAX = 200;
const STATUS_MAX = 2000;

type Status = { kind: 'idle' } | { kind: 'working' } | { kind: 'done' | 'failed'; text: string };

/** What a restore wrote, by kind: "2 cookies set, 1 deleted". */
function restoredCounts(results: readonly WriteResult[]): string {
  const set = results.filter((x) => x.op === 'set').length;
  const deleted = results.length - set;
  if (deleted === 0) return `${cookiesCount(set)} set`;
  if (set === 0) return `${cookiesCount(deleted)} deleted`;
  return `${cookiesCount(set)} set, ${deleted.toLocaleString('en')} deleted`;
}

export interface SnapshotPanelProps {
  deps: TransferDeps;
}

/**
 * Named snapshots of the site's session, to switch between users and compare: off until the user turns them on,
 * because a snapshot holds live credentials in the extension's storage.
 */
export function SnapshotPanel({ deps }: SnapshotPanelProps) {
  const store = useStore();
  const host = store.site.host.value;
  const site = host === '' ? '' : registrableDomain(host);
  const storeId = store.site.storeId.value;
  const at: SnapshotSite = { host, storeId, deps };
  const [optedIn, setOptedIn] = useState<boolean | null>(null);
  const [list, setList] = useState<Snapshot[]>([]);
  const [name, setName] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(NOW);
  /** The snapshot deleted last, while its Undo is offered (until the next action). */
  const [deleted, setDeleted] = useState<Snapshot | null>(null);
  /** Snapshots that turning them off would delete, while the user is asked; null when not asking. */
  const [confirmOff, setConfirmOff] = useState<number | null>(null);
  /** The question's safe answer takes the focus, so that Enter or Space keeps the snapshots. */
  const keepRef = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (confirmOff !== null) keepRef.current?.focus();
  }, [confirmOff]);
  const [diff, setDiff] = useState<{ diff: SnapshotDiff; from: string; to: string } | null>(null);

  const reloadList = async (): Promise<void> => {
    const on = await deps.snapshots.optedIn();
    setOptedIn(on);
    setList(on && site !== '' ? await deps.snapshots.list(site) : []);
  };

  useEffect(() => {
    reloadList().catch((e: unknown) => setStatus({ kind: 'failed', text: errorText(e) }));
    // A new site has other snapshots.
  }, [site]);

  const act = async (what: () => Promise<string>): Promise<void> => {
    setDeleted(null);
    setStatus({ kind: 'working' });
    try {
      setStatus({ kind: 'done', text: await what() });
    } catch (e) {
      setStatus({ kind: 'failed', text: errorText(e) });
    }
  };

  /** Opting out deletes every snapshot (the snapshot store does), and the comparison shown goes with them. */
  const turnSnapshots = (on: boolean): Promise<void> =>
    act(async () => {
      await deps.snapshots.setOptIn(on);
      await reloadList();
      setDiff(null);
      return on ? 'Snapshots are on.' : 'Snapshots are off; every snapshot was deleted.';
    });

  /**
   * Turning snapshots off deletes every snapshot of every site at once, with no undo: when there are any, the user
   * is asked first, with their number.
   */
  const askTurnOff = async (): Promise<void> => {
    const n = await deps.snapshots.count().catch(() => 1);
    if (n === 0) await turnSnapshots(false);
    else setConfirmOff(n);
  };

  if (optedIn === null) return <section class="transfer snapshots" data-testid="snapshots" data-state="loading" />;

  if (!optedIn) {
    return (
      <section class="transfer snapshots" data-testid="snapshots" data-state="off" aria-label="Snapshots">
        <p class="small" data-testid="snapshot-warning">
          A snapshot saves this site’s cookies and web-storage tokens under a name, to switch between users and compare
          them. Snapshots hold live credentials: anyone who can read this browser profile can use them. They stay in the
          extension’s local storage until you delete them.
        </p>
        <button type="button" data-testid="snapshot-opt-in" onClick={() => void turnSnapshots(true)}>
          Turn on snapshots
        </button>
      </section>
    );
  }

  /** A button of one snapshot's row; its action's words become the status line. */
  const itemAction = (testId: string, label: string, disabled: boolean, run: () => Promise<string>) => (
    <button type="button" data-testid={testId} disabled={disabled} onClick={() => void act(run)}>
      {label}
    </button>
  );

  const byName = (n: string) => list.find((s) => s.name === n);
  const compare = (): Promise<void> =>
    act(async () => {
      const a = byName(from);
      if (!a) throw new Error('choose a snapshot to compare from');
      if (to === NOW) {
        const r = await diffWithNow(a, at);
        setDiff({ diff: r.diff, from: `"${a.name}"`, to: 'now' });
        return r.storageNote ?? 'Compared.';
      }
      const b = byName(to.slice(1));
      if (!b) throw new Error('choose a snapshot to compare with');
      setDiff({ diff: diffSnapshots(a, b), from: `"${a.name}"`, to: `"${b.name}"` });
      return 'Compared.';
    });

  /** A snapshot of the name typed: saving replaces it, which the button and a line under it say beforehand. */
  const replaces = byName(name.trim());

  return (
    <section class="transfer snapshots" data-testid="snapshots" data-state="on" aria-label="Snapshots">
      <p class="small muted">Snapshots hold live credentials. They are kept until you delete them.</p>
      <div class="transfer-row">
        <input
          data-testid="snapshot-name"
          placeholder="Name, e.g. alice"
          maxLength={80}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button
          type="button"
          class="primary"
          data-testid="snapshot-save"
          disabled={name.trim() === '' || site === '' || status.kind === 'working'}
          onClick={() =>
            void act(async () => {
              const { snapshot, storageNote } = await takeSnapshot(name.trim(), at);
              await deps.snapshots.save(snapshot);
              await reloadList();
              const done = replaces
                ? `Replaced "${snapshot.name}" of ${formatDate(replaces.takenAtMs)} with`
                : `Saved "${snapshot.name}":`;
              const what = `${done} ${cookiesCount(snapshot.cookies.length)}, ${counted(snapshot.storage.length, 'storage token', 'storage tokens')}`;
              return storageNote ? `${what}; ${storageNote}` : `${what}.`;
            })
          }
        >
          {replaces ? 'Replace snapshot' : 'Save snapshot'}
        </button>
      </div>
      {replaces && (
        <p class="small" data-testid="snapshot-replaces">
          Saving replaces the snapshot <ValueText value={replaces.name} max={NAME_MAX} /> of{' '}
          {formatDate(replaces.takenAtMs)}: give another name to keep both.
        </p>
      )}
      <ul class="snapshot-list">
        {list.map((s) => (
          <li key={s.name} data-testid="snapshot-item" data-name={s.name} data-cookies={s.cookies.length}>
            <ValueText value={s.name} max={NAME_MAX} />{' '}
            <span class="muted small">
              {formatDate(s.takenAtMs)}, {cookiesCount(s.cookies.length)},{' '}
              {counted(s.storage.length, 'storage token', 'storage tokens')}
            </span>{' '}
            {itemAction('snapshot-restore', 'Restore', !deps.apply || status.kind === 'working', async () => {
              const r = await restoreSnapshot(s, at);
              await deps.refresh?.().catch(() => undefined);
              const failed = r.results.filter((x) => !x.ok);
              const base =
                r.results.length === 0
                  ? `Nothing to restore: the site's cookies are those of "${s.name}" already`
                  : failed.length === 0
                    ? `Restored "${s.name}": ${restoredCounts(r.results)}, all done`
                    : `Restored "${s.name}" with ${failed.length} of ${counted(r.results.length, 'write', 'writes')} failed: ${failed
                        .map((f) => `${f.cookie.name} (${f.reason ?? 'refused'})`)
                        .join(', ')}`;
              return [base, ...r.notes].join('; ');
            })}{' '}
            {itemAction('snapshot-export', 'Export', false, async () => {
              const f = await snapshotExport(s, deps);
              await deps.save(f.fileName, f.text, 'application/json');
              return `Saved ${f.fileName}`;
            })}{' '}
            {itemAction('snapshot-delete', 'Delete', false, async () => {
              await deps.snapshots.remove(s.site, s.name);
              await reloadList();
              if (diff) setDiff(null);
              // Offered with the status line, until the next action (act clears it).
              setDeleted(s);
              return `Deleted "${s.name}".`;
            })}
          </li>
        ))}
      </ul>
      {list.length > 0 && (
        <div class="transfer-row">
          <ChoiceSelect
            label="Compare"
            testId="snapshot-from"
            value={from}
            options={[{ id: '', label: 'choose…' }, ...list.map((s) => ({ id: s.name, label: s.name }))]}
            onChange={setFrom}
          />
          <ChoiceSelect
            label="with"
            testId="snapshot-to"
            value={to}
            options={[{ id: NOW, label: 'now' }, ...list.map((s) => ({ id: `=${s.name}`, label: s.name }))]}
            onChange={setTo}
          />
          <button type="button" data-testid="snapshot-compare" onClick={() => void compare()}>
            Compare
          </button>
        </div>
      )}
      {diff && <SnapshotDiffView diff={diff.diff} from={diff.from} to={diff.to} />}
      <OutcomeLine testId="snapshot-status" outcome={status.kind}>
        {status.kind === 'done' || status.kind === 'failed' ? (
          <ValueText value={status.text} max={STATUS_MAX} class="prose" />
        ) : status.kind === 'working' ? (
          '…'
        ) : (
          ''
        )}
        {deleted && status.kind === 'done' && (
          <>
            {' '}
            <button
              type="button"
              data-testid="snapshot-undo-delete"
              onClick={() =>
                void act(async () => {
                  await deps.snapshots.save(deleted);
                  await reloadList();
                  return `Put back "${deleted.name}".`;
                })
              }
            >
              Undo
            </button>
          </>
        )}
      </OutcomeLine>
      {confirmOff === null ? (
        <button type="button" class="link" data-testid="snapshot-opt-out" onClick={() => void askTurnOff()}>
          Turn off snapshots and delete them all
        </button>
      ) : (
        <p class="small" role="alert" data-testid="snapshot-opt-out-confirm">
          {`Delete ${confirmOff === 1 ? 'the 1 snapshot' : `all ${confirmOff} snapshots`} saved (of every site) and turn snapshots off? `}
          <button
            type="button"
            data-testid="snapshot-opt-out-yes"
            onClick={() => {
              setConfirmOff(null);
              void turnSnapshots(false);
            }}
          >
            {confirmOff === 1 ? 'Delete it' : 'Delete them all'}
          </button>{' '}
          <button type="button" ref={keepRef} data-testid="snapshot-opt-out-no" onClick={() => setConfirmOff(null)}>
            Keep them
          </button>
        </p>
      )}
    </section>
  );
}
