/** Every line of one Lambda invocation (`logs.invocation`): the events of its stream that carry its request id. */
import { useQuery } from '@tanstack/react-query';
import type { FoundEvent } from '../../../../../shared/contract';
import { useScope } from '../../../app/scope';
import { logsKeys } from '../logsKeys';
import { LOAD_TIMEOUT_MS, withTimeout } from '../events/loadTimeout';

export function useInvocation(event: FoundEvent, requestId: string) {
  const { key } = useScope();
  const { logGroupName, logStreamName, timestamp } = event;
  return useQuery({
    queryKey: logsKeys.invocation(key, logGroupName, logStreamName, requestId),
    queryFn: () => withTimeout(window.api.logs.invocation({ logGroupName, logStreamName, requestId, timestamp }), LOAD_TIMEOUT_MS, 'FilterLogEvents'),
  });
}
