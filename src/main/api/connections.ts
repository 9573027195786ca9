/** Connections and the region every view is scoped to. */
import type { CloudscopeHandlers } from '../../shared/contract';
import type { Session } from './session';

export function connectionsHandlers(session: Session): CloudscopeHandlers['connections'] {
  return {
    async list() {
      return session.connections();
    },
    async current() {
      return session.current();
    },
    async select(request) {
      return session.select(request.connectionId, request.region);
    },
  };
}
