export interface PermissionButtonProps {
  host: string;
  onRequest: () => void;
  /** The outcome of the last request, if it failed. */
  notice: string;
}

export function PermissionButton({ host, onRequest, notice }: PermissionButtonProps) {
  return (
    <div class="permission">
      <button type="button" class="primary" data-testid="grant-permission" onClick={onRequest}>
        Allow access to {host || 'this site'}
      </button>
      {notice !== '' && (
        <p class="notice" role="alert" data-testid="notice">
          {notice}
        </p>
      )}
    </div>
  );
}
