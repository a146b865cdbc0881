import type { PermissionNotice } from '../state/site-slice';

export interface PermissionButtonProps {
  /** Empty when the tab's URL is hidden: then the grant is for every site, and the button says so. */
  host: string;
  onRequest: () => void;
  /** The outcome of the last request, if it failed. */
  notice: PermissionNotice | null;
}

function noticeText(notice: PermissionNotice): string {
  return notice.kind === 'denied'
    ? 'Access was not granted, so the cookies stay unreadable. Click the button to ask again.'
    : `The browser refused the request: ${notice.error}`;
}

export function PermissionButton({ host, onRequest, notice }: PermissionButtonProps) {
  return (
    <div class="permission">
      <button type="button" class="primary" data-testid="grant-permission" onClick={onRequest}>
        {host ? `Allow access to ${host}` : 'Allow access to all sites'}
      </button>
      {notice !== null && (
        <p class="notice" role="alert" data-testid="notice">
          {noticeText(notice)}
        </p>
      )}
    </div>
  );
}
