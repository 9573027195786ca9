/**
 * Links into the AWS console for what the app shows, so a person can hand a view to a colleague who
 * uses the console. The console's CloudWatch Logs routes live in the URL fragment and escape their
 * parts twice, with `$` in place of `%` (a `/` in a group name is `$252F`).
 */
import type { TimeRange } from './time-range';

function consoleHome(region: string): string {
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${encodeURIComponent(region)}`;
}

/** A path segment of a `#logsV2:` route. */
function segment(text: string): string {
  return encodeURIComponent(encodeURIComponent(text)).replaceAll('%', '$');
}

/** A value of the route's own query string, form-encoded as the console writes it, then escaped once more. */
function queryValue(text: string): string {
  return encodeURIComponent(new URLSearchParams({ v: text }).toString().slice(2)).replaceAll('%', '$');
}

export function logGroupConsoleUrl(region: string, logGroupName: string): string {
  return `${consoleHome(region)}#logsV2:log-groups/log-group/${segment(logGroupName)}`;
}

export function logStreamConsoleUrl(region: string, logGroupName: string, logStreamName: string): string {
  return `${logGroupConsoleUrl(region, logGroupName)}/log-events/${segment(logStreamName)}`;
}

/** A group's events in a time range with a filter pattern: the console's "Search log group". */
export function logSearchConsoleUrl(region: string, logGroupName: string, filterPattern: string, range: TimeRange): string {
  const parameters: [string, string][] = [];
  if (filterPattern.trim() !== '') parameters.push(['filterPattern', filterPattern]);
  if (range.kind === 'relative') {
    // The console reads a negative start as "this long ago".
    parameters.push(['start', String(-range.startAgoMs)]);
    if (range.endAgoMs > 0) parameters.push(['end', String(-range.endAgoMs)]);
  } else {
    parameters.push(['start', String(range.start)], ['end', String(range.end)]);
  }
  const query = parameters.map(([name, value]) => `${name}$3D${queryValue(value)}`).join('$26');
  return `${logGroupConsoleUrl(region, logGroupName)}/log-events$3F${query}`;
}
