import { placeholderView } from '../../app/placeholderView';
import { TrailIcon } from '../../components/icons';

export const trailView = placeholderView({
  id: 'trail',
  title: 'CloudTrail',
  icon: <TrailIcon />,
  purpose: 'Search CloudTrail events to find who changed what, when, and from where.',
});
