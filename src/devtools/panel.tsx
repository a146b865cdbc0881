import { render } from 'preact';

render(<main data-testid="panel">SessionScope</main>, document.getElementById('app')!);
