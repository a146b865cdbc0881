import { performance } from 'node:perf_hooks';
import { analyzeSite } from '../src/core/analyze-site';
import { measureSecretCheckRate } from '../src/core/verify/find-weak-secret';
import { WEAK_SECRETS } from '../src/core/verify/weak-secrets';
import { cookieAndJar, fixture } from '../test/fixtures/fixtures';
import { cookieMix, toRecord } from './cookie-mix';
import { median, ms } from './stats';

export interface CoreFigures {
  lines: string[];
}

/** The analysis the popup and panel run: decode + detect + audit of every cookie of a site. */
async function auditMedian(n: number, jwts: string[]): Promise<number> {
  const now = Date.now();
  const cookies = cookieMix(n, jwts).map((c) => toRecord(c, 'bench.example', now));
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    await analyzeSite('https://bench.example/', cookies, now);
    times.push(performance.now() - t0);
  }
  return median(times.slice(3));
}

export async function coreBenchmarks(jwts: string[]): Promise<CoreFigures> {
  const lines = ['| measure | median |', '|---|---:|'];
  for (const n of [180, 1000]) {
    lines.push(`| analyse ${n} cookies (decode, detect, audit, grade) | ${ms(await auditMedian(n, jwts))} |`);
  }
  lines.push('', `Weak-secret check (dictionary of ${WEAK_SECRETS.length} secrets, run in chunks that yield):`, '');
  lines.push('| cookie (real framework fixture) | secrets checked per second | whole dictionary |', '|---|---:|---:|');
  for (const id of ['jsonwebtoken-HS256', 'express-session-random', 'flask-plain', 'django-signed-plain']) {
    const { cookie, jar } = cookieAndJar(fixture(id));
    const rate = await measureSecretCheckRate(cookie, jar, 1500);
    lines.push(
      `| ${id} | ${Math.round(rate.perSecond).toLocaleString('en')} | ${ms((WEAK_SECRETS.length / rate.perSecond) * 1000)} |`,
    );
  }
  return { lines };
}
