/** The Metrics view: browse CloudWatch metrics, graph them, and read or extend dashboards. */
import type { ViewDescriptor } from '../../app/viewDescriptor';
import { MetricsIcon } from '../../components/icons';
import { MetricsView } from './MetricsView';

export const metricsView: ViewDescriptor = {
  id: 'metrics',
  title: 'Metrics',
  icon: <MetricsIcon />,
  route: '/metrics',
  element: ({ active }) => <MetricsView active={active} />,
};
