import { describe, expect, it } from 'vitest';
import { startDurations, type WorkerStatus } from '../../bench/worker-starts';

const status = (at: number, owner: string | undefined, versionId: string, s: WorkerStatus['status']): WorkerStatus => ({
  at,
  owner,
  versionId,
  status: s,
});

describe("the change storm's worker starts", () => {
  it('times each start from starting to running, per owner, in order', () => {
    const starts = startDurations([
      status(0, 'ours', '1', 'running'),
      status(10, 'ours', '1', 'stopping'),
      status(12, 'theirs', '2', 'stopping'),
      status(15, 'ours', '1', 'stopped'),
      status(15, 'ours', '1', 'starting'),
      status(16, 'theirs', '2', 'stopped'),
      status(17, 'theirs', '2', 'starting'),
      status(60, 'theirs', '2', 'running'),
      status(140, 'ours', '1', 'running'),
      status(300, 'ours', '1', 'stopped'),
      status(301, 'ours', '1', 'starting'),
      status(390, 'ours', '1', 'running'),
    ]);
    expect(starts.get('ours')).toEqual([125, 89]);
    expect(starts.get('theirs')).toEqual([43]);
  });

  it('ignores repeated statuses: the browser reports every version whenever one of them changes', () => {
    const starts = startDurations([
      status(0, 'ours', '1', 'starting'),
      status(5, 'ours', '1', 'starting'),
      status(30, 'ours', '1', 'running'),
      status(40, 'ours', '1', 'running'),
    ]);
    expect(starts.get('ours')).toEqual([30]);
  });

  it('does not count a start that was stopped before it ran, nor a worker of no known owner', () => {
    const starts = startDurations([
      status(0, 'ours', '1', 'starting'),
      status(20, 'ours', '1', 'stopping'),
      status(25, 'ours', '1', 'stopped'),
      status(50, 'ours', '1', 'running'),
      status(60, undefined, '9', 'starting'),
      status(70, undefined, '9', 'running'),
    ]);
    expect(starts.get('ours')).toBeUndefined();
    expect([...starts.keys()]).toEqual([]);
  });

  it('keeps versions of one owner apart (a worker updated while another version still runs)', () => {
    const starts = startDurations([
      status(0, 'ours', '1', 'starting'),
      status(3, 'ours', '2', 'starting'),
      status(20, 'ours', '2', 'running'),
      status(50, 'ours', '1', 'running'),
    ]);
    expect(starts.get('ours')).toEqual([17, 50]);
  });
});
