import { placeholderView } from '../../app/placeholderView';
import { InsightsIcon } from '../../components/icons';

export const insightsView = placeholderView({
  id: 'insights',
  title: 'Insights',
  icon: <InsightsIcon />,
  purpose:
    'Run CloudWatch Logs Insights queries across several log groups at once, see the results as a table and a chart, and keep the queries you use on call.',
});
