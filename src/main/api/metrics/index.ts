/** CloudWatch metrics: the `metrics.*` handlers, one module per concern. */
import type { CloudscopeHandlers } from '../../../shared/contract';
import type { Session } from '../session';
import { dashboardHandlers } from './dashboards';
import { dataHandler } from './data';
import { listHandler } from './list';

export function metricsHandlers(session: Session): CloudscopeHandlers['metrics'] {
  return {
    list: listHandler(session),
    getData: dataHandler(session),
    ...dashboardHandlers(session),
  };
}
