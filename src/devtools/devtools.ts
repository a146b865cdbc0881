import { createPanel } from '../platform/devtools';

// The panel page path is relative to the extension root, as the build writes it.
void createPanel('SessionScope', 'icons/icon-32.png', 'src/devtools/panel.html');
