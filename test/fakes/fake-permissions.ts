import manifest from '../../manifest.json';

/** What the installed extension holds at first: the manifest's host access. */
const MANIFEST_ORIGINS: readonly string[] = manifest.host_permissions;

/** `origin` is covered by `pattern`: the same pattern, a wildcard-host pattern of its scheme, or `<all_urls>`. */
function covers(pattern: string, origin: string): boolean {
  if (pattern === '<all_urls>' || pattern === origin) return true;
  const wildcard = /^([a-z]+):\/\/\*\/\*$/.exec(pattern);
  return wildcard !== null && origin.startsWith(`${wildcard[1]}://`);
}

/** Host permissions as origin patterns, as the browser keeps them once the user granted or withheld some. */
export class FakePermissions {
  granted = new Set<string>(MANIFEST_ORIGINS);
  /** What `request` answers, as if the user clicked. */
  requestAnswer = true;
  /** Every `request` call's origins, in order. */
  requested: string[][] = [];

  reset(): void {
    this.granted = new Set(MANIFEST_ORIGINS);
    this.requestAnswer = true;
    this.requested = [];
  }

  revokeAll(): void {
    this.granted.clear();
  }

  /** Whether some granted pattern covers `host` on http or https (the cookies API's check). */
  allowsHost(host: string): boolean {
    return [...this.granted].some((g) => covers(g, `https://${host}/*`) || covers(g, `http://${host}/*`));
  }

  async contains(p: { origins?: string[]; permissions?: string[] }): Promise<boolean> {
    return (p.origins ?? []).every((o) => [...this.granted].some((g) => covers(g, o)));
  }

  async request(p: { origins?: string[] }): Promise<boolean> {
    this.requested.push([...(p.origins ?? [])]);
    if (this.requestAnswer) for (const o of p.origins ?? []) this.granted.add(o);
    return this.requestAnswer;
  }
}
