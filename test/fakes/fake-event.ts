/** A WebExtensions event (`addListener`/`removeListener`/`hasListener`) that a test fires by hand. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- listener signatures vary per event
export class FakeEvent<L extends (...args: any[]) => unknown> {
  private readonly listeners: L[] = [];

  addListener(listener: L): void {
    if (!this.listeners.includes(listener)) this.listeners.push(listener);
  }

  removeListener(listener: L): void {
    const i = this.listeners.indexOf(listener);
    if (i >= 0) this.listeners.splice(i, 1);
  }

  hasListener(listener: L): boolean {
    return this.listeners.includes(listener);
  }

  hasListeners(): boolean {
    return this.listeners.length > 0;
  }

  /** Calls every listener in order, synchronously, as the browser does; returns what each returned. */
  fire(...args: Parameters<L>): ReturnType<L>[] {
    return [...this.listeners].map((l) => l(...args) as ReturnType<L>);
  }

  clear(): void {
    this.listeners.length = 0;
  }
}
