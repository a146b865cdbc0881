import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { TransferDeps } from '../state/transfer-deps';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { SnapshotPanel } from './SnapshotPanel';
import './transfer.css';

/** A folded section whose content is only made when opened: the popup's first paint does not pay for it. */
function Fold({ id, title, children }: { id: string; title: string; children: () => ComponentChildren }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="transfer-fold" data-testid={`${id}-section`} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid={`${id}-toggle`}>{title}</summary>
      {open && children()}
    </details>
  );
}

export interface TransferToolsProps {
  deps: TransferDeps;
}

/** Export, import and snapshots of the site's session, under the cookies of both views. */
export function TransferTools({ deps }: TransferToolsProps) {
  return (
    <section class="transfer-tools" data-testid="transfer-tools" aria-label="Export, import and snapshots">
      <Fold id="export" title="Export cookies">
        {() => <ExportDialog deps={deps} />}
      </Fold>
      <Fold id="import" title="Import cookies">
        {() => <ImportDialog deps={deps} />}
      </Fold>
      <Fold id="snapshots" title="Snapshots">
        {() => <SnapshotPanel deps={deps} />}
      </Fold>
    </section>
  );
}
