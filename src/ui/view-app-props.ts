import type { TransferDeps } from '../state/transfer-deps';
import type { ExportReportDeps } from './ExportReport';

/** What the popup's and the panel's top component take from their start function. */
export interface ViewAppProps {
  onRequestPermission: () => void;
  /** The browser parts of the report export (the version); the defaults where absent. */
  exportDeps?: Partial<ExportReportDeps>;
  /** Export, import and snapshots; absent where the view has no browser to use (the bench). */
  transferDeps?: TransferDeps;
}
