import type { ComponentChildren } from 'preact';
import type { ViewState } from '../state/create-store';
import { stateText, type ViewKind } from './state-advice';

export interface StateMessageProps {
  state: Exclude<ViewState, 'ready'>;
  message: string;
  host: string;
  view: ViewKind;
  /** An action that gets the user out of this state, e.g. the permission button. */
  children?: ComponentChildren;
}

export function StateMessage({ state, message, host, view, children }: StateMessageProps) {
  return (
    <div class={`state state-${state}`}>
      <p data-testid="state-message" role={state === 'error' ? 'alert' : 'status'}>
        {stateText(state, message, host, view)}
      </p>
      {children}
    </div>
  );
}
