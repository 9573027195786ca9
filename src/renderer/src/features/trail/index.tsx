/** The CloudTrail view: event history and trails. */
import type { ViewDescriptor } from '../../app/viewDescriptor';
import { TrailIcon } from '../../components/icons';
import { TrailView } from './TrailView';

export const trailView: ViewDescriptor = {
  id: 'trail',
  title: 'CloudTrail',
  icon: <TrailIcon />,
  route: '/trail',
  element: ({ active }) => <TrailView active={active} />,
};
