import { describe, expect, it } from 'vitest';
import type { ChangeLogEntry } from '../../../src/core/timeline/change-log-entry';
import { filterEntries } from '../../../src/core/timeline/filter-entries';
import { cookie } from './helpers';

function entry(seq: number, domain: string, hostOnly = false): ChangeLogEntry {
  return { seq, time: seq, cause: 'explicit', removed: false, cookie: cookie({ domain, hostOnly }) };
}

const log = [
  entry(0, '.example.com'),
  entry(1, 'app.example.com', true),
  entry(2, 'other.example.com', true),
  entry(3, 'evil-example.com', true),
  entry(4, '.example.co.uk'),
  entry(5, 'b.example.co.uk', true),
  entry(6, 'other.co.uk', true),
  entry(7, '127.0.0.1', true),
  entry(8, 'localhost', true),
];

const seqs = (es: ChangeLogEntry[]): number[] => es.map((e) => e.seq);

describe('filterEntries', () => {
  it('keeps the cookies of the same registrable domain, not string look-alikes', () => {
    expect(seqs(filterEntries(log, { site: 'app.example.com' }))).toEqual([0, 1, 2]);
    expect(seqs(filterEntries(log, { site: 'EXAMPLE.com.' }))).toEqual([0, 1, 2]);
  });

  it('groups by the public suffix list, so two sites under co.uk stay apart', () => {
    expect(seqs(filterEntries(log, { site: 'a.example.co.uk' }))).toEqual([4, 5]);
  });

  it('treats IP addresses and localhost as their own site', () => {
    expect(seqs(filterEntries(log, { site: '127.0.0.1' }))).toEqual([7]);
    expect(seqs(filterEntries(log, { site: 'localhost' }))).toEqual([8]);
  });

  it('keeps only entries after `afterSeq`, with or without a site', () => {
    expect(seqs(filterEntries(log, { afterSeq: 5 }))).toEqual([6, 7, 8]);
    expect(seqs(filterEntries(log, { site: 'example.com', afterSeq: 0 }))).toEqual([1, 2]);
    expect(seqs(filterEntries(log, {}))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
