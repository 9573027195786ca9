/** CloudTrail: the `trail.*` handlers. */
import type { CloudscopeHandlers } from '../../../shared/contract';
import type { Session } from '../session';
import { lookupHandler } from './lookup';
import { trailsHandler } from './trails';

export function trailHandlers(session: Session): CloudscopeHandlers['trail'] {
  return { lookup: lookupHandler(session), trails: trailsHandler(session) };
}
