/**
 * `trail.lookup`: LookupEvents newest first, one page after another, each call paced by the scope's
 * limiter for LookupEvents (AWS allows 2 a second per account and region). AWS looks up one attribute;
 * main applies the lookup's other attributes to each page, and says which it sent and which it applied.
 */
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import type { CloudscopeHandlers, LookupUpdate, TrailEvent } from '../../../shared/contract';
import { LOOKUP_PAGE_SIZE } from '../../../shared/contract';
import { paced } from '../paced';
import type { Session } from '../session';
import { hasAttribute, toTrailEvent } from './events';

export function lookupHandler(session: Session): CloudscopeHandlers['trail']['lookup'] {
  return async function* lookup(request, { signal }): AsyncGenerator<LookupUpdate> {
    const scoped = await session.client(CloudTrailClient, signal, 'paced');
    const { lookup, maxEvents, maxPages } = request;
    const local = lookup.localAttributes;
    yield { type: 'started', sent: lookup.attribute ?? null, appliedLocally: local };

    let nextToken = request.cursor;
    let pages = 0;
    let scanned = 0;
    let matched = 0;
    let throttled = 0;
    const observer = { throttled: () => void throttled++ };
    do {
      const command = new LookupEventsCommand({
        ...(lookup.attribute === undefined ? {} : { LookupAttributes: [{ AttributeKey: lookup.attribute.key, AttributeValue: lookup.attribute.value }] }),
        StartTime: new Date(lookup.startTime),
        EndTime: new Date(lookup.endTime),
        MaxResults: LOOKUP_PAGE_SIZE,
        ...(nextToken === undefined ? {} : { NextToken: nextToken }),
      });
      const output = await scoped.client.send(paced(command, scoped.limiter('LookupEvents'), scoped.abortSignal, observer), { abortSignal: scoped.abortSignal });
      pages++;
      const page = (output.Events ?? []).map(toTrailEvent);
      scanned += page.length;
      const events = local.length === 0 ? page : page.filter((event) => local.every((attribute) => hasAttribute(event, attribute)));
      matched += events.length;
      if (events.length > 0) yield { type: 'events', events };
      const reached: TrailEvent | undefined = page.at(-1);
      nextToken = output.NextToken;
      yield {
        type: 'progress',
        pages,
        scanned,
        matched,
        throttled,
        ...(reached === undefined ? {} : { reachedTime: reached.eventTime }),
        ...(nextToken === undefined ? {} : { cursor: nextToken }),
      };
      if (nextToken !== undefined && (matched >= maxEvents || pages >= maxPages)) {
        yield { type: 'end', cutOff: matched >= maxEvents ? 'maxEvents' : 'maxPages', cursor: nextToken };
        return;
      }
    } while (nextToken !== undefined);
    yield { type: 'end' };
  };
}
