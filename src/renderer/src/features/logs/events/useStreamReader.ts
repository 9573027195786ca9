/** The reader of one stream's events, talking to main through window.api; opens on the newest page, or at `start`. */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { isApiError } from '../../../../../shared/errors';
import { throttleNotices } from '../../../api/throttleNotices';
import { eventsRequest } from './eventPaging';
import { NEWEST, StreamReader, type StreamSource, type StreamStart } from './streamReader';

export function useStreamReader(logGroupName: string, logStreamName: string, start: StreamStart = NEWEST): StreamReader {
  const reader = useMemo(() => new StreamReader(streamSource(logGroupName, logStreamName), { onError: (error) => throttleNotices.report(error) }), [logGroupName, logStreamName]);
  // Before the first paint, so the panel never shows a reader that has not started.
  // The start counts only on opening: a new start for the same reader comes through `go`.
  const opening = useRef(start);
  useLayoutEffect(() => {
    reader.go(opening.current, 'open');
    return () => reader.stop();
  }, [reader]);
  return reader;
}

function streamSource(logGroupName: string, logStreamName: string): StreamSource {
  return {
    logGroupName,
    logStreamName,
    getPage: (param, limit) => window.api.logs.getEvents({ logGroupName, logStreamName, limit, ...eventsRequest(param) }),
    groupExists: () =>
      window.api.logs.describeGroup({ logGroupName }).then(
        () => true,
        (error: unknown) => {
          if (isApiError(error) && error.code === 'NotFound') return false;
          throw error;
        },
      ),
  };
}
