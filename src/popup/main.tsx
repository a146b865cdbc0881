import { render } from 'preact';

render(<main data-testid="popup">SessionScope</main>, document.getElementById('app')!);
