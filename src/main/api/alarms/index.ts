/** CloudWatch alarms: the `alarms.*` handlers, one module per concern. */
import type { CloudscopeHandlers } from '../../../shared/contract';
import type { Session } from '../session';
import { changesHandler } from './changes';
import { readHandlers } from './read';
import { topicHandlers } from './topics';
import { writeHandlers } from './write';

export function alarmsHandlers(session: Session): CloudscopeHandlers['alarms'] {
  return { ...readHandlers(session), changes: changesHandler(session), ...writeHandlers(session), ...topicHandlers(session) };
}
