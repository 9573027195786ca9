/**
 * The building blocks every domain of the contract uses: identifiers, regions, timestamps, paging
 * tokens, and string rules that carry their own error text.
 */
import { z } from 'zod';

/**
 * A string constraint as AWS documents it, written once and used on both sides: the contract turns it
 * into a zod schema that says `patternMessage`; the sandbox checks it and answers with AWS's wording,
 * which quotes `patternText`.
 */
export interface StringRule {
  readonly min?: number;
  readonly max?: number;
  /** Must match the whole value (anchor it). */
  readonly pattern?: RegExp;
  /** The pattern as AWS prints it in validation messages. */
  readonly patternText?: string;
  /** What the app says when the pattern does not match, e.g. "may not contain ':' or '*'". */
  readonly patternMessage?: string;
}

/** The zod schema of a rule. */
export function stringOf(rule: StringRule): z.ZodString {
  let schema = z.string();
  if (rule.min !== undefined) schema = schema.min(rule.min);
  if (rule.max !== undefined) schema = schema.max(rule.max);
  if (rule.pattern !== undefined) schema = schema.regex(rule.pattern, rule.patternMessage ?? `must match ${rule.patternText ?? rule.pattern.source}`);
  return schema;
}

export const ConnectionId = z.string().min(1).max(256);

export const Region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region code such as us-east-1');

/** Epoch milliseconds, as the CloudWatch Logs API counts time. */
export const Timestamp = z.number().int().nonnegative();

/** An opaque paging token handed back by AWS. */
export const NextToken = z.string().min(1).max(4096);

/** A file name for a save dialog to suggest: no folder, nothing a file system refuses. */
export const FileName = z.string().min(1).max(255).regex(/^[^/\\:*?"<>|\x00-\x1f]+$/, 'must be a file name without a folder');
