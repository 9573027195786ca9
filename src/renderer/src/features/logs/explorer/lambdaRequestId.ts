/**
 * The request id of a Lambda log line, for "this invocation": in the runtime's START / END / REPORT
 * lines, in the tab-separated lines of the Node.js and Python runtimes, and in JSON logs.
 */

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PLATFORM_LINE = new RegExp(`^(?:START|END|REPORT|INIT_REPORT) RequestId: (${UUID})\\b`, 'i');
/** Node.js: `2026-11-30T10:00:00.000Z\t<id>\tINFO\t…`; Python: `[INFO]\t2026-…Z\t<id>\t…`. */
const RUNTIME_LINE = new RegExp(`^(?:\\[[A-Z]+\\]\\t)?\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z\\t(${UUID})\\t`, 'i');
const JSON_FIELD = new RegExp(`"(?:requestId|AWSRequestId|aws_request_id)"\\s*:\\s*"(${UUID})"`, 'i');

export function lambdaRequestId(message: string): string | undefined {
  // Only the start of a line is looked at: request ids sit there, and a 1 MB message stays cheap.
  const head = message.slice(0, 2048);
  return (PLATFORM_LINE.exec(head) ?? RUNTIME_LINE.exec(head) ?? JSON_FIELD.exec(head))?.[1]?.toLowerCase();
}

export function isLambdaGroup(logGroupName: string | undefined): boolean {
  return logGroupName?.startsWith('/aws/lambda/') ?? false;
}
