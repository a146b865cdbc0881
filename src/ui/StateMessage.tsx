import type { ComponentChildren } from 'preact';
import type { CookiesProblem } from '../protocol/messages';
import type { ViewState } from '../state/site-slice';
import { stateText, type ViewKind } from './state-advice';

export interface StateMessageProps {
  state: Exclude<ViewState, 'ready'>;
  problem: CookiesProblem | null;
  host: string;
  view: ViewKind;
  /** An action that gets the user out of this state, e.g. the permission button. */
  children?: ComponentChildren;
}

export function StateMessage({ state, problem, host, view, children }: StateMessageProps) {
  return (
    <div class={`state state-${state}`}>
      <p data-testid="state-message" role={state === 'error' ? 'alert' : 'status'}>
        {stateText(state, problem, host, view)}
      </p>
      {children}
    </div>
  );
}
