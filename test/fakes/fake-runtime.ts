import type { Runtime } from 'webextension-polyfill';
import manifest from '../../manifest.json';
import { FakeEvent } from './fake-event';

type MessageListener = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined | void;

export class FakeRuntime {
  id = 'sessionscope-test-id';
  readonly onMessage = new FakeEvent<MessageListener>();
  /** The page `sendMessage` pretends to be sent from. */
  senderPath = 'src/popup/index.html';

  reset(): void {
    this.id = 'sessionscope-test-id';
    this.senderPath = 'src/popup/index.html';
    this.onMessage.clear();
  }

  /** The source manifest.json (what both builds derive theirs from). */
  getManifest(): typeof manifest {
    return manifest;
  }

  getURL(path: string): string {
    return `chrome-extension://${this.id}/${path.replace(/^\//, '')}`;
  }

  /** From one of this extension's pages (`senderPath`), as `browser.runtime.sendMessage` does there. */
  sendMessage(message: unknown): Promise<unknown> {
    return this.dispatch(message, { id: this.id, url: this.getURL(this.senderPath) });
  }

  /**
   * Delivers a message with any sender (a content script, another extension) and resolves to the first
   * answer a listener gave, like the polyfill; `undefined` when none answered.
   */
  async dispatch(message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
    const answers = this.onMessage.fire(structuredClone(message), sender);
    const first = answers.find((a) => a !== undefined);
    return first === undefined ? undefined : structuredClone(await first);
  }
}
