import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../core/error-text';
import type { TransferDeps } from '../state/transfer-deps';
import './transfer.css';

type Dialog = ComponentType<{ deps: TransferDeps }>;

interface FoldProps {
  id: string;
  title: string;
  /** The dialog's module, loaded when the section is first opened (the format parsers and writers are large). */
  load: () => Promise<Dialog>;
  deps: TransferDeps;
}

/**
 * A folded section whose code is only fetched when opened: the views' first paint does not pay for every export
 * format's writer and parser. Loading says so; a chunk that fails to load says why instead of a blank section.
 */
function Fold({ id, title, load, deps }: FoldProps) {
  const [open, setOpen] = useState(false);
  const [view, setView] = useState<{ Dialog: Dialog } | { error: string } | null>(null);
  useEffect(() => {
    if (!open || view !== null) return;
    load().then(
      (Dialog) => setView({ Dialog }),
      (e: unknown) => setView({ error: errorText(e) }),
    );
  }, [open, view, load]);
  return (
    <details class="transfer-fold" data-testid={`${id}-section`} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid={`${id}-toggle`}>{title}</summary>
      {open &&
        (view === null ? (
          <p class="muted">Loading…</p>
        ) : 'error' in view ? (
          <p class="notice" data-testid={`${id}-load-error`}>
            This part of SessionScope could not be loaded ({view.error}). Reopen the view to try again.
          </p>
        ) : (
          <view.Dialog deps={deps} />
        ))}
    </details>
  );
}

const loadExport = () => import('./ExportDialog').then((m) => m.ExportDialog);
const loadImport = () => import('./ImportDialog').then((m) => m.ImportDialog);
const loadSnapshots = () => import('./SnapshotPanel').then((m) => m.SnapshotPanel);

export interface TransferToolsProps {
  deps: TransferDeps;
}

/** Export, import and snapshots of the site's session, under the cookies of both views. */
export function TransferTools({ deps }: TransferToolsProps) {
  return (
    <section class="transfer-tools" data-testid="transfer-tools" aria-label="Export, import and snapshots">
      <Fold id="export" title="Export cookies" load={loadExport} deps={deps} />
      <Fold id="import" title="Import cookies" load={loadImport} deps={deps} />
      <Fold id="snapshots" title="Snapshots" load={loadSnapshots} deps={deps} />
    </section>
  );
}
