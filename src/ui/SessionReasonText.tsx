import type { SessionReason } from '../core/detect/session';

export function SessionReasonText({ reason }: { reason: SessionReason }) {
  return (
    <span class="session-reason" data-testid="session-reason" data-kind={reason.kind}>
      Session cookie: {reason.detail}
    </span>
  );
}
