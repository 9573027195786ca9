import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileError, SaveTarget } from './save-target';

let folder: string | undefined;
afterEach(() => folder && rmSync(folder, { recursive: true, force: true }));

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed`), { code });
}

describe('SaveTarget', () => {
  it('writes beside the chosen path and moves the file into place only on commit', async () => {
    folder = mkdtempSync(join(tmpdir(), 'save-target-'));
    const target = await SaveTarget.open(join(folder, 'out.csv'));
    await target.write('a,b\n');
    await target.write('ü\n');
    expect(readdirSync(folder)).toEqual([expect.stringMatching(/^\.out\.csv\.[0-9a-f]{8}\.part$/)]);
    expect(target.bytes).toBe(7);
    await target.commit();
    expect(readdirSync(folder)).toEqual(['out.csv']);
    expect(readFileSync(join(folder, 'out.csv'), 'utf8')).toBe('a,b\nü\n');
  });

  it('leaves nothing when discarded', async () => {
    folder = mkdtempSync(join(tmpdir(), 'save-target-'));
    const target = await SaveTarget.open(join(folder, 'out.csv'));
    await target.write('partial');
    await target.discard();
    await target.discard();
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('fileError', () => {
  it('says what happened and what to do, in a sentence', () => {
    expect(fileError(errno('ENOSPC'), '/data/x.csv')).toMatchObject({ code: 'LimitExceeded', message: expect.stringMatching(/^There is no space left on the disk to save x\.csv\./) });
    expect(fileError(errno('EACCES'), '/data/x.csv')).toMatchObject({ code: 'AccessDenied', message: 'Cloudscope is not allowed to write in /data. Pick another folder.' });
    expect(fileError(errno('EROFS'), '/data/x.csv').message).toMatch(/read-only/);
    expect(fileError(errno('ENOENT'), '/data/x.csv').message).toMatch(/does not exist/);
    expect(fileError(errno('EMFILE'), '/data/x.csv')).toMatchObject({ code: 'Internal', message: 'Could not save x.csv: EMFILE: failed' });
  });
});
