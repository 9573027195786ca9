/**
 * The account's S3 buckets and their objects. Bucket names are global (one namespace for every region),
 * so the store is account-wide and each bucket remembers its region. No validation here: operations
 * validate; export tasks write objects directly.
 */
import { createHash } from 'node:crypto';
import { SortedNames } from '../../core/sorted';
import type { AccountStore } from '../../state';

export interface StoredObject {
  readonly key: string;
  readonly body: Buffer;
  /** The quoted MD5 of the body, as S3 returns it: `"9e107d9d372bb6826bd81d3542a419d6"`. */
  readonly etag: string;
  readonly lastModified: number;
  readonly contentType: string;
  readonly contentEncoding?: string;
  /** `x-amz-meta-*` headers, names in lower case without the prefix. */
  readonly metadata: Readonly<Record<string, string>>;
}

export interface NewObject {
  readonly body: Buffer;
  readonly contentType?: string;
  readonly contentEncoding?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** A multipart upload in progress: its parts by number, until it is completed or aborted. */
export interface MultipartUpload {
  readonly uploadId: string;
  readonly key: string;
  readonly initiated: number;
  readonly object: Omit<NewObject, 'body'>;
  readonly parts: Map<number, { readonly body: Buffer; readonly etag: string }>;
}

export class Bucket {
  policy: string | undefined;
  readonly uploads = new Map<string, MultipartUpload>();
  private readonly objects = new Map<string, StoredObject>();
  private readonly keys = new SortedNames();

  constructor(
    readonly name: string,
    readonly region: string,
    readonly creationDate: number,
  ) {}

  get objectCount(): number {
    return this.objects.size;
  }

  object(key: string): StoredObject | undefined {
    return this.objects.get(key);
  }

  /** Stores an object; `etag` defaults to the MD5 of the body (a multipart upload's is different). */
  put(key: string, object: NewObject, now: number, etag = md5Etag(object.body)): StoredObject {
    const stored: StoredObject = {
      key,
      body: object.body,
      etag,
      lastModified: now,
      contentType: object.contentType ?? 'binary/octet-stream',
      ...(object.contentEncoding === undefined ? {} : { contentEncoding: object.contentEncoding }),
      metadata: object.metadata ?? {},
    };
    if (!this.objects.has(key)) this.keys.insert(key);
    this.objects.set(key, stored);
    return stored;
  }

  delete(key: string): void {
    if (this.objects.delete(key)) this.keys.remove(key);
  }

  /** Keys in UTF-16 code-unit order (S3 lists in UTF-8 byte order; they agree outside the astral planes). Do not modify. */
  sortedKeys(): readonly string[] {
    return this.keys.view();
  }

  keyIndexOf(key: string): number {
    return this.keys.indexOf(key);
  }

  keyIndexAfter(key: string): number {
    return this.keys.indexAfter(key);
  }
}

/** `"<hex MD5>"`, as S3 quotes ETags. */
export function md5Etag(body: Buffer): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

export class S3Store {
  private readonly buckets = new Map<string, Bucket>();
  private readonly names = new SortedNames();

  constructor(readonly accountId: string) {}

  /** The account's canonical user ID (S3's owner ID): 64 hex digits, stable per account. */
  get ownerId(): string {
    return createHash('sha256').update(`cloudscope-sandbox:${this.accountId}`).digest('hex');
  }

  bucket(name: string): Bucket | undefined {
    return this.buckets.get(name);
  }

  /** Buckets in name order, as ListBuckets returns them. */
  list(): Bucket[] {
    return this.names.view().map((name) => this.buckets.get(name) as Bucket);
  }

  create(name: string, region: string, now: number): Bucket {
    if (this.buckets.has(name)) throw new Error(`Bucket ${name} already exists`);
    const bucket = new Bucket(name, region, now);
    this.buckets.set(name, bucket);
    this.names.insert(name);
    return bucket;
  }

  delete(name: string): void {
    if (this.buckets.delete(name)) this.names.remove(name);
  }
}

export const S3_STORE: AccountStore<S3Store> = {
  create: (accountId) => new S3Store(accountId),
};
