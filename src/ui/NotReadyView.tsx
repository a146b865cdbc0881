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
  const state = store.state.value;
  const host = store.host.value;
  if (state === 'ready') return null;
  return (
    <StateMessage state={state} problem={store.problem.value} host={host} view={view}>
      {state === 'no-permission' && (
        <PermissionButton host={host} onRequest={onRequestPermission} notice={store.notice.value} />
      )}
    </StateMessage>
  );
}
