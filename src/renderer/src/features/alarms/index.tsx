import { placeholderView } from '../../app/placeholderView';
import { AlarmsIcon } from '../../components/icons';

export const alarmsView = placeholderView({
  id: 'alarms',
  title: 'Alarms',
  icon: <AlarmsIcon />,
  purpose: 'See every alarm by state, what made it fire, and its history, with the metric graphed around the moment it changed.',
});
