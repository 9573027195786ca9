import type { EventColumn } from '../../../components/event-table/columns';

/** Time and message: one stream's events need no stream column. */
export const STREAM_COLUMNS: readonly EventColumn[] = [{ kind: 'time' }, { kind: 'message' }];
