/** The Alarms view: every alarm by state, one alarm's chart, history and actions, and its editor. */
import type { ViewDescriptor } from '../../app/viewDescriptor';
import { AlarmsIcon } from '../../components/icons';
import { AlarmsView } from './AlarmsView';

export const alarmsView: ViewDescriptor = {
  id: 'alarms',
  title: 'Alarms',
  icon: <AlarmsIcon />,
  route: '/alarms',
  element: ({ active }) => <AlarmsView active={active} />,
};
