import { browser, type Runtime } from './browser';
import {
  envelope,
  isEnvelope,
  type Handlers,
  type MessageType,
  type RequestOf,
  type ResponseOf,
} from '../protocol/messages';

export async function send<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  return (await browser.runtime.sendMessage(envelope(type, data))) as ResponseOf<K>;
}

/** Only this extension's own pages may talk to the background: not content scripts, not other extensions. */
export function isOwnPage(sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const base = browser.runtime.getURL('');
  return typeof sender.url === 'string' && sender.url.startsWith(base);
}

/** Must be called synchronously at the top level of the background script. */
export function listen(handlers: Handlers<Runtime.MessageSender>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message) || !isOwnPage(sender)) return undefined;
    const handler = handlers[message.type] as (data: unknown, s: Runtime.MessageSender) => Promise<unknown>;
    return handler(message.data, sender);
  });
}
