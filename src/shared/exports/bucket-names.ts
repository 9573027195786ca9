/** S3's general-purpose bucket naming rules ("Bucket naming rules" in the S3 User Guide), for the sandbox and the app's form. */

const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** Why a name is not a valid bucket name, in words; undefined when it is valid. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'must be 3 to 63 characters long';
  if (!/^[a-z0-9.-]+$/.test(name)) return 'may contain only lower-case letters, digits, dots and hyphens';
  if (!/^[a-z0-9].*[a-z0-9]$/.test(name)) return 'must begin and end with a letter or digit';
  if (!isValidBucketName(name)) return 'is not allowed by S3 (no "..", ".-" or "-.", not an IP address, no reserved prefix or suffix)';
  return undefined;
}

export function isValidBucketName(name: string): boolean {
  if (name.length < 3 || name.length > 63) return false;
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) return false;
  if (name.includes('..') || name.includes('.-') || name.includes('-.')) return false;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return false;
  if (RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix))) return false;
  return !RESERVED_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

/**
 * Names that other AWS accounts own in S3's global namespace (the short, obvious ones are all taken),
 * so that creating one is refused with `BucketAlreadyExists`, as in AWS.
 */
export const NAMES_OWNED_ELSEWHERE: ReadonlySet<string> = new Set(['bucket', 'test', 'logs', 'backup', 'data', 'examplebucket', 'my-bucket']);
