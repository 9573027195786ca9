/**
 * Where the export queue is kept between runs of the app: one JSON file beside the settings, written
 * atomically (temporary file, then rename) one write at a time. A file that cannot be read is set aside
 * (`.corrupt-<time>`) and the queue starts empty; entries that do not validate are dropped.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ExportItem } from '../../../shared/contract';

export interface ExportQueueStore {
  load(): Promise<ExportItem[]>;
  save(items: readonly ExportItem[]): Promise<void>;
}

const STATES = ['queued', 'starting', 'pending', 'running', 'cancelling', 'completed', 'failed', 'cancelled'] as const;

const itemSchema = z.object({
  id: z.string().min(1).max(64),
  connectionId: z.string().min(1).max(256),
  region: z.string().min(1).max(64),
  logGroupName: z.string().min(1).max(512),
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  bucket: z.string().min(1).max(63),
  prefix: z.string().min(1).max(512),
  state: z.enum(STATES),
  taskId: z.string().min(1).max(512).optional(),
  message: z.string().max(2048).optional(),
  queuedAt: z.number().int().nonnegative(),
  startedAt: z.number().int().nonnegative().optional(),
  finishedAt: z.number().int().nonnegative().optional(),
  objects: z.number().int().nonnegative().optional(),
  bytes: z.number().int().nonnegative().optional(),
});

const fileSchema = z.object({ version: z.literal(1), items: z.array(z.unknown()) });

export function fileExportQueueStore(file: string): ExportQueueStore {
  let writes: Promise<void> = Promise.resolve();
  return {
    async load() {
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const parsed = fileSchema.safeParse(safeJson(text));
      if (!parsed.success) {
        await fs.copyFile(file, `${file}.corrupt-${Date.now()}`).catch(() => undefined);
        return [];
      }
      return parsed.data.items.flatMap((item) => {
        const valid = itemSchema.safeParse(item);
        return valid.success ? [valid.data as ExportItem] : [];
      });
    },
    save(items) {
      const write = writes.then(() => writeAtomically(file, JSON.stringify({ version: 1, items }, null, 2)));
      writes = write.catch(() => undefined);
      return write;
    },
  };
}

/** For tests and sessions without a place to keep the queue. */
export function memoryExportQueueStore(initial: readonly ExportItem[] = []): ExportQueueStore & { readonly saved: () => readonly ExportItem[] } {
  let items = [...initial];
  return {
    load: async () => [...items],
    save: async (next) => {
      items = [...next];
    },
    saved: () => items,
  };
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, file);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
