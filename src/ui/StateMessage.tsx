import type { ComponentChildren } from 'preact';
import { stateText, type StateFacts } from './state-advice';

export interface StateMessageProps extends StateFacts {
  /** An action that gets the user out of this state, e.g. the permission button. */
  children?: ComponentChildren;
}

export function StateMessage({ children, ...facts }: StateMessageProps) {
  return (
    <div class={`state state-${facts.state}`}>
      <p data-testid="state-message" role={facts.state === 'error' ? 'alert' : 'status'}>
        {stateText(facts)}
      </p>
      {children}
    </div>
  );
}
