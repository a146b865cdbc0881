import type { SessionReason } from '../core/detect/session';
import { ValueText } from './ValueText';

export function SessionReasonText({ reason }: { reason: SessionReason }) {
  return (
    <span class="session-reason" data-testid="session-reason" data-kind={reason.kind}>
      Session cookie: <ValueText value={reason.detail} max={200} />
    </span>
  );
}
