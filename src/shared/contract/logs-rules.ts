/**
 * CloudWatch Logs naming rules and API limits, as documented in the CloudWatch Logs API reference.
 * Both sides use them: the app validates input before calling AWS, the sandbox enforces them as AWS does.
 */
import type { StringRule } from './primitives';

/** Log group names: 1–512 characters of a-z, A-Z, 0-9, '_', '-', '/', '.', '#'. */
export const LOG_GROUP_NAME = {
  min: 1,
  max: 512,
  pattern: /^[.\-_/#A-Za-z0-9]+$/,
  patternText: '[\\.\\-_/#A-Za-z0-9]+',
  patternMessage: "may contain only a-z, A-Z, 0-9, '_', '-', '/', '.' and '#'",
} as const satisfies StringRule;

/** Log stream names: 1–512 characters; ':' and '*' are not allowed. */
export const LOG_STREAM_NAME = {
  min: 1,
  max: 512,
  pattern: /^[^:*]*$/,
  patternText: '[^:*]*',
  patternMessage: "may not contain ':' or '*'",
} as const satisfies StringRule;

/** A log group name, or a log group ARN without the trailing `:*` (`logGroupIdentifier`). */
export const LOG_GROUP_IDENTIFIER = {
  min: 1,
  max: 2048,
  pattern: /^[\w#+=/:,.@-]*$/,
  patternText: '[\\w#+=/:,.@-]*',
  patternMessage: 'must be a log group name or ARN',
} as const satisfies StringRule;

/** DescribeLogGroups' `logGroupNamePattern`: a part of a name, possibly empty. */
export const LOG_GROUP_NAME_SUBSTRING = {
  min: 0,
  max: 512,
  pattern: /^[.\-_/#A-Za-z0-9]*$/,
  patternText: '[\\.\\-_/#A-Za-z0-9]*',
  patternMessage: "may contain only a-z, A-Z, 0-9, '_', '-', '/', '.' and '#'",
} as const satisfies StringRule;

/** DescribeLogGroups and DescribeLogStreams return at most 50 items per page. */
export const DESCRIBE_PAGE_LIMIT = 50;

/** GetLogEvents and FilterLogEvents return at most 10,000 events (and at most 1 MB) per call. */
export const EVENTS_PAGE_LIMIT = 10_000;
export const EVENTS_PAGE_MAX_BYTES = 1_048_576;

/** FilterLogEvents accepts at most 100 stream names. */
export const FILTER_MAX_STREAM_NAMES = 100;

/**
 * How many log groups one search in the app covers. AWS has no such limit (each group is its own
 * FilterLogEvents call); 50 matches Logs Insights' per-query limit and keeps a search within the quota.
 */
export const SEARCH_MAX_GROUPS = 50;

/** A filter pattern is at most 1,024 characters. */
export const FILTER_PATTERN_MAX_LENGTH = 1024;

/** PutLogEvents batch rules. */
export const PUT_BATCH_MAX_BYTES = 1_048_576;
export const PUT_BATCH_MAX_EVENTS = 10_000;
/** Each event counts its UTF-8 message size plus this many bytes towards the batch size. */
export const PUT_EVENT_OVERHEAD_BYTES = 26;
/** A batch may not span more than 24 hours. */
export const PUT_BATCH_MAX_SPAN_MS = 24 * 60 * 60 * 1000;

/** The values PutRetentionPolicy accepts for retentionInDays. */
export const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/**
 * Each PutLogEvents event may be at most 1 MB (raised from 256 KB in 2025), counted like the batch
 * size: message UTF-8 bytes plus PUT_EVENT_OVERHEAD_BYTES.
 */
export const PUT_EVENT_MAX_BYTES = 1_048_576;
/** PutLogEvents rejects (but does not fail on) events older than this… */
export const PUT_EVENT_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;
/** …or further in the future than this. */
export const PUT_EVENT_MAX_FUTURE_MS = 2 * 60 * 60 * 1000;

/** Log group names starting with `aws/` (any case) are reserved for AWS; `/aws/…` is allowed. */
export const LOG_GROUP_RESERVED_PREFIX_PATTERN = /^aws\//i;

/**
 * StartLiveTail: 1–10 log groups (by ARN) per session, and 1–100 stream names or prefixes (one group only).
 * A session sends an update every second with at most 500 events, sampled when more matched, and ends
 * after three hours with a SessionTimeoutException. An account has at most 15 sessions at once per region
 * (the default quota, "Live Tail concurrent sessions").
 */
export const LIVE_TAIL_MAX_LOG_GROUPS = 10;
export const LIVE_TAIL_MAX_STREAM_FILTERS = 100;
export const LIVE_TAIL_UPDATE_INTERVAL_MS = 1000;
export const LIVE_TAIL_MAX_EVENTS_PER_UPDATE = 500;
export const LIVE_TAIL_SESSION_MS = 3 * 60 * 60 * 1000;
export const LIVE_TAIL_MAX_CONCURRENT_SESSIONS = 15;

/**
 * Metric filters: 100 per log group, one metric transformation with at most three dimensions, and
 * TestMetricFilter takes 1–50 messages (PutMetricFilter and TestMetricFilter in the API reference).
 */
export const METRIC_FILTERS_PER_GROUP = 100;
export const METRIC_FILTER_MAX_DIMENSIONS = 3;
export const TEST_METRIC_FILTER_MAX_MESSAGES = 50;

/** Metric filter names follow the stream names' rule: 1–512 characters; ':' and '*' are not allowed. */
export const METRIC_FILTER_NAME = LOG_STREAM_NAME;

/** A metric filter's metric name and namespace: up to 255 characters without ':', '*' or '$'. */
export const METRIC_FILTER_METRIC_TEXT = {
  min: 0,
  max: 255,
  pattern: /^[^:*$]*$/,
  patternText: '[^:*$]*',
  patternMessage: "may not contain ':', '*' or '$'",
} as const satisfies StringRule;
