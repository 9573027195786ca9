/** CloudWatch Logs: the `logs.*` handlers, one module per concern. */
import type { CloudscopeHandlers } from '../../../shared/contract';
import type { Session } from '../session';
import { contextHandlers } from './context';
import { downloadHandler } from './download';
import { groupHandlers } from './groups';
import { searchHandler } from './search';
import { streamHandlers } from './streams';
import { tailHandler } from './tail';

export function logsHandlers(session: Session): CloudscopeHandlers['logs'] {
  return {
    ...groupHandlers(session),
    ...streamHandlers(session),
    search: searchHandler(session),
    ...contextHandlers(session),
    tail: tailHandler(session),
    download: downloadHandler(session),
  };
}
