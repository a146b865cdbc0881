/** Host permissions as origin patterns; `<all_urls>` (the manifest default) grants every origin. */
export class FakePermissions {
  granted = new Set<string>(['<all_urls>']);
  /** What `request` answers, as if the user clicked. */
  requestAnswer = true;

  reset(): void {
    this.granted = new Set(['<all_urls>']);
    this.requestAnswer = true;
  }

  revokeAll(): void {
    this.granted.clear();
  }

  async contains(p: { origins?: string[]; permissions?: string[] }): Promise<boolean> {
    return (p.origins ?? []).every((o) => this.granted.has('<all_urls>') || this.granted.has(o));
  }

  async request(p: { origins?: string[] }): Promise<boolean> {
    if (this.requestAnswer) for (const o of p.origins ?? []) this.granted.add(o);
    return this.requestAnswer;
  }
}
