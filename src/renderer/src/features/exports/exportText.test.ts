import { describe, expect, it } from 'vitest';
import type { ExportItem } from '../../../../shared/contract';
import { canCancel, policySentence, progressText, suggestedFileName } from './exportText';

const base: ExportItem = {
  id: 'a',
  connectionId: 'demo',
  region: 'ca-central-1',
  logGroupName: '/app',
  from: 0,
  to: 1,
  bucket: 'b',
  prefix: 'exportedlogs',
  state: 'queued',
  queuedAt: 1,
};

describe('export texts', () => {
  it('says where a queued export stands and what a running one has written', () => {
    const running: ExportItem = { ...base, id: 'r', state: 'running', queuedAt: 0, message: 'Started successfully', objects: 3, bytes: 2048 };
    expect(progressText(base, [running, base])).toBe('Waiting for 1 export ahead of it');
    expect(progressText(base, [base])).toBe('Next to start');
    expect(progressText(running, [running])).toBe('Started successfully · 3 objects, 2 KB written');
    expect([canCancel(base), canCancel(running), canCancel({ ...base, state: 'completed' })]).toEqual([true, true, false]);
  });

  it('suggests file names without folders, .log when decompressed', () => {
    expect(suggestedFileName('exportedlogs/t1/web/1/000000.gz', 'exportedlogs/t1/', false)).toBe('web_1_000000.gz');
    expect(suggestedFileName('exportedlogs/t1/2025/01/[$LATEST]a/000002.gz', 'exportedlogs/t1/', true)).toBe('2025_01_[$LATEST]a_000002.log');
  });

  it('explains each bucket problem with its fix', () => {
    expect(policySentence({ status: 'other-region', bucket: 'b', region: 'ca-central-1', bucketRegion: 'eu-west-1' }).text).toBe(
      'b is in eu-west-1, but exports from ca-central-1 can only go to a bucket in ca-central-1. Pick or create a bucket in ca-central-1, or switch the region to eu-west-1.',
    );
    expect(policySentence({ status: 'missing', bucket: 'b', region: 'ca-central-1' })).toEqual({ ready: false, text: 'There is no bucket named b. Create it, or pick another one.' });
    expect(policySentence({ status: 'denied', bucket: 'b', region: 'r', statement: '{}', sid: 'NoLogs' }).text).toContain('A Deny statement (NoLogs)');
    expect(policySentence({ status: 'ready', bucket: 'b', region: 'r' }).ready).toBe(true);
  });
});
