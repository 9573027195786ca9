import { placeholderView } from '../../app/placeholderView';
import { MetricsIcon } from '../../components/icons';

export const metricsView = placeholderView({
  id: 'metrics',
  title: 'Metrics',
  icon: <MetricsIcon />,
  purpose: 'Graph CloudWatch metrics — Lambda, EC2, load balancers and your own — over any time range, several on one chart.',
});
