/** `exports.listObjects` and `exports.download`: browsing what an export wrote, and saving an object to a local file. */
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { CloudscopeHandlers, ObjectDownloadUpdate } from '../../../shared/contract';
import { apiError } from '../../../shared/errors';
import { SaveTarget } from '../files/save-target';
import type { Session } from '../session';

const PAGE_SIZE = 1000;
const PROGRESS_INTERVAL_MS = 250;

export function objectHandlers(session: Session): Pick<CloudscopeHandlers['exports'], 'listObjects' | 'download'> {
  return {
    async listObjects(request, { signal }) {
      const { client, abortSignal } = await session.client(S3Client, signal);
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: request.bucket,
          Prefix: request.prefix,
          MaxKeys: PAGE_SIZE,
          ...(request.nextToken === undefined ? {} : { ContinuationToken: request.nextToken }),
        }),
        { abortSignal },
      );
      return {
        objects: (page.Contents ?? []).map((object) => ({ key: object.Key ?? '', size: object.Size ?? 0, lastModified: object.LastModified?.getTime() ?? 0 })),
        ...(page.IsTruncated && page.NextContinuationToken !== undefined ? { nextToken: page.NextContinuationToken } : {}),
      };
    },

    download: async function* download(request, { signal }): AsyncGenerator<ObjectDownloadUpdate> {
      const { client, abortSignal } = await session.client(S3Client, signal, 'background');
      // Found before the person picks a file, so a missing object is said first; read only once there is a file.
      await client.send(new HeadObjectCommand({ Bucket: request.bucket, Key: request.key }), { abortSignal });
      const path = await session.chooseSaveFile({ suggestedName: request.suggestedName, format: request.decompress ? 'text' : 'gzip' });
      if (path === undefined) {
        yield { type: 'dismissed' };
        return;
      }
      const object = await client.send(new GetObjectCommand({ Bucket: request.bucket, Key: request.key }), { abortSignal });
      const body = object.Body as Readable | undefined;
      if (body === undefined) throw apiError('Internal', `S3 sent no body for ${request.key}.`);
      const target = await SaveTarget.open(path).catch((error: unknown) => {
        body.destroy();
        throw error;
      });
      let committed = false;
      try {
        yield { type: 'file', fileName: target.fileName };
        const totalBytes = object.ContentLength ?? 0;
        let received = 0;
        let lastProgress = 0;
        let source: AsyncIterable<Buffer> = body;
        if (request.decompress) {
          const gunzip = createGunzip();
          // pipe() does not pass a failure of the download on: without this the loop below would wait forever.
          body.on('error', (error) => gunzip.destroy(error));
          body.on('data', (chunk: Buffer) => (received += chunk.length));
          source = body.pipe(gunzip);
        }
        try {
          for await (const chunk of source) {
            if (!request.decompress) received += chunk.length;
            await target.writeBytes(chunk);
            if (performance.now() - lastProgress > PROGRESS_INTERVAL_MS) {
              lastProgress = performance.now();
              yield { type: 'progress', bytes: received, totalBytes };
            }
          }
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) {
            throw apiError('InvalidInput', `${request.key} is not gzip-compressed: save it without decompressing.`);
          }
          throw error;
        }
        await target.commit();
        committed = true;
        yield { type: 'done', fileName: target.fileName, bytes: target.bytes };
      } finally {
        if (!committed) {
          body.destroy();
          await target.discard();
        }
      }
    },
  };
}
