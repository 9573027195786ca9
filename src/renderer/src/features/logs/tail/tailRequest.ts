/** The tail a panel runs — which groups, streams and pattern — and what follows from it: its identity, its name, its columns. */
import type { CloudscopeApi } from '../../../../../shared/contract';
import { DEFAULT_COLUMNS, GROUP_COLUMNS, type EventColumn } from '../../../components/event-table/columns';

export type TailRequest = Parameters<CloudscopeApi['logs']['tail']>[0];

/** The same for requests that ask for the same tail, however the objects were built: a new key restarts the tail. */
export function tailKey(request: TailRequest): string {
  return JSON.stringify([
    request.logGroupNames,
    request.logStreamNames ?? null,
    request.logStreamNamePrefixes ?? null,
    request.filterPattern ?? '',
  ]);
}

/** What is tailed, in a few words: "/aws/lambda/orders-api", "3 log groups", "/ecs/web, streams web-1, web-2". */
export function tailSubject(request: TailRequest): string {
  const [only, ...others] = request.logGroupNames;
  const groups = others.length === 0 && only !== undefined ? only : `${request.logGroupNames.length} log groups`;
  if (request.logStreamNames) return `${groups}, ${request.logStreamNames.length === 1 ? 'stream' : 'streams'} ${request.logStreamNames.join(', ')}`;
  if (request.logStreamNamePrefixes) return `${groups}, streams starting ${request.logStreamNamePrefixes.map((prefix) => `“${prefix}”`).join(' or ')}`;
  return groups;
}

/** Time, stream and message; with the group too when several are tailed. */
export function tailColumns(request: TailRequest): readonly EventColumn[] {
  return request.logGroupNames.length > 1 ? GROUP_COLUMNS : DEFAULT_COLUMNS;
}

/** The name a save suggests: "live-tail-aws-lambda-orders-api". */
export function tailSaveName(request: TailRequest): string {
  const [only, ...others] = request.logGroupNames;
  const subject = others.length === 0 && only !== undefined ? only : `${request.logGroupNames.length}-groups`;
  const slug = subject
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug === '' ? 'live-tail' : `live-tail-${slug}`;
}
