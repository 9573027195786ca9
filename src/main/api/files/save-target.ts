/**
 * A file being saved: written under a temporary name beside the chosen path, and moved into place only
 * once complete, so a cancelled or failed save never leaves a half file that looks finished.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { apiError, type ApiError } from '../../../shared/errors';

export class SaveTarget {
  private written = 0;
  private closed = false;

  private constructor(
    /** Where the file goes once complete. */
    readonly path: string,
    private readonly temporaryPath: string,
    private readonly handle: FileHandle,
  ) {}

  /** Creates the temporary file beside `path`; fails with a sentence when the folder cannot take it. */
  static async open(path: string): Promise<SaveTarget> {
    const temporaryPath = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.part`);
    try {
      return new SaveTarget(path, temporaryPath, await open(temporaryPath, 'wx'));
    } catch (error) {
      throw fileError(error, path);
    }
  }

  get fileName(): string {
    return basename(this.path);
  }

  get bytes(): number {
    return this.written;
  }

  async write(text: string): Promise<void> {
    if (text === '') return;
    await this.writeBytes(Buffer.from(text, 'utf8'));
  }

  async writeBytes(data: Uint8Array): Promise<void> {
    if (data.length === 0) return;
    try {
      await this.handle.writeFile(data);
    } catch (error) {
      throw fileError(error, this.path);
    }
    this.written += data.length;
  }

  /** Flushes the file to disk and moves it to its place (replacing a file there, which the save dialog confirmed). */
  async commit(): Promise<void> {
    try {
      await this.handle.datasync();
      await this.close();
      await rename(this.temporaryPath, this.path);
    } catch (error) {
      await this.discard();
      throw fileError(error, this.path);
    }
  }

  /** Closes and removes the temporary file; safe to call more than once. */
  async discard(): Promise<void> {
    await this.close().catch(() => undefined);
    await rm(this.temporaryPath, { force: true }).catch(() => undefined);
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }
}

/** A file-system failure as a sentence that says what happened and what to do. */
export function fileError(error: unknown, path: string): ApiError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const name = basename(path);
  const folder = dirname(path);
  switch (code) {
    case 'ENOSPC':
      return apiError('LimitExceeded', `There is no space left on the disk to save ${name}. Free some space, or save to another disk.`);
    case 'EDQUOT':
      return apiError('LimitExceeded', `Your disk quota is used up, so ${name} could not be saved. Free some space, or save elsewhere.`);
    case 'EACCES':
    case 'EPERM':
      return apiError('AccessDenied', `Cloudscope is not allowed to write in ${folder}. Pick another folder.`);
    case 'EROFS':
      return apiError('AccessDenied', `${folder} is on a read-only disk. Pick another folder.`);
    case 'ENOENT':
      return apiError('InvalidInput', `The folder ${folder} does not exist (any more). Pick another folder.`);
    case 'ENOTDIR':
      return apiError('InvalidInput', `${folder} is not a folder. Pick a folder to save ${name} in.`);
    case 'EISDIR':
      return apiError('InvalidInput', `${path} is a folder. Pick a file name.`);
    case 'ENAMETOOLONG':
      return apiError('InvalidInput', `The name ${name} is too long for this disk. Pick a shorter one.`);
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return apiError('Internal', `Could not save ${name}: ${reason}`);
    }
  }
}
