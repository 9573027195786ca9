/** The Insights view: CloudWatch Logs Insights queries in tabs, with saved queries and a history. */
import type { ViewDescriptor } from '../../app/viewDescriptor';
import { InsightsIcon } from '../../components/icons';
import { InsightsView } from './InsightsView';

export const insightsView: ViewDescriptor = {
  id: 'insights',
  title: 'Insights',
  icon: <InsightsIcon />,
  route: '/insights',
  element: ({ active }) => <InsightsView active={active} />,
};
