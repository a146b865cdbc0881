export interface FakeBadge {
  text: string;
  color?: string;
  textColor?: string;
}

/** `browser.action` badge calls, kept per tab (`tabId` absent: the global default). */
export class FakeAction {
  private readonly badges = new Map<number | 'global', FakeBadge>();
  /** `setPopup` per tab (`tabId` absent: the global one). */
  readonly popups = new Map<number | 'global', string>();

  reset(): void {
    this.badges.clear();
    this.popups.clear();
  }

  async setPopup(d: { tabId?: number; popup: string | null }): Promise<void> {
    const key = d.tabId ?? 'global';
    if (d.popup === null) this.popups.delete(key);
    else this.popups.set(key, d.popup);
  }

  async getPopup(d: { tabId?: number }): Promise<string> {
    return this.popups.get(d.tabId ?? 'global') ?? this.popups.get('global') ?? '';
  }

  /** The badge a tab shows: its own values over the global ones. */
  badge(tabId?: number): FakeBadge {
    const global = this.badges.get('global') ?? { text: '' };
    return { ...global, ...(tabId === undefined ? {} : this.badges.get(tabId)) };
  }

  async setBadgeText(d: { tabId?: number; text: string | null }): Promise<void> {
    this.edit(d.tabId, (b) => (b.text = d.text ?? ''));
  }

  async getBadgeText(d: { tabId?: number }): Promise<string> {
    return this.badge(d.tabId).text;
  }

  async setBadgeBackgroundColor(d: { tabId?: number; color: string }): Promise<void> {
    this.edit(d.tabId, (b) => (b.color = d.color));
  }

  async setBadgeTextColor(d: { tabId?: number; color: string }): Promise<void> {
    this.edit(d.tabId, (b) => (b.textColor = d.color));
  }

  private edit(tabId: number | undefined, change: (b: FakeBadge) => void): void {
    const key = tabId ?? 'global';
    const b = this.badges.get(key) ?? (key === 'global' ? { text: '' } : { ...this.badge() });
    change(b);
    this.badges.set(key, b);
  }
}
