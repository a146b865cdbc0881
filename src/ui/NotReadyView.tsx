import { PermissionButton } from './PermissionButton';
import { StateMessage } from './StateMessage';
import { useStore } from './store-context';

export interface NotReadyViewProps {
  view: 'popup' | 'panel';
  onRequestPermission: () => void;
}

/** What the popup and the panel show instead of cookies: the state's message and, when it helps, the grant button. */
export function NotReadyView({ view, onRequestPermission }: NotReadyViewProps) {
  const store = useStore();
  const state = store.site.state.value;
  const host = store.site.host.value;
  if (state === 'ready') return null;
  return (
    <StateMessage state={state} problem={store.site.problem.value} host={host} view={view}>
      {state === 'no-permission' && (
        <PermissionButton host={host} onRequest={onRequestPermission} notice={store.site.notice.value} />
      )}
    </StateMessage>
  );
}
