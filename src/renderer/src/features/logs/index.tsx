/** The Logs view: log groups, their streams and events. */
import type { ViewDescriptor } from '../../app/viewDescriptor';
import { LogsIcon } from '../../components/icons';
import { LogsView } from './LogsView';

export const logsView: ViewDescriptor = {
  id: 'logs',
  title: 'Logs',
  icon: <LogsIcon />,
  route: '/logs',
  element: ({ active, openScopeMenu }) => <LogsView active={active} onSwitchRegion={openScopeMenu} />,
};
