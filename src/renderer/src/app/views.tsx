/** The app's views, in navigation order (which is also their Ctrl/Cmd+digit order). */
import type { ReactNode } from 'react';
import { AlarmsIcon, ExportsIcon, InsightsIcon, LogsIcon, MetricsIcon, TrailIcon } from '../components/icons';

export type ViewId = 'logs' | 'insights' | 'metrics' | 'alarms' | 'trail' | 'exports';

export interface ViewInfo {
  readonly id: ViewId;
  readonly label: string;
  readonly icon: ReactNode;
  /** What the view is for; shown while the view is not built yet. */
  readonly purpose: string;
}

export const VIEWS: readonly ViewInfo[] = [
  {
    id: 'logs',
    label: 'Logs',
    icon: <LogsIcon />,
    purpose: 'Browse log groups, their streams and events.',
  },
  {
    id: 'insights',
    label: 'Insights',
    icon: <InsightsIcon />,
    purpose:
      'Run CloudWatch Logs Insights queries across several log groups at once, see the results as a table and a chart, and keep the queries you use on call.',
  },
  {
    id: 'metrics',
    label: 'Metrics',
    icon: <MetricsIcon />,
    purpose: 'Graph CloudWatch metrics — Lambda, EC2, load balancers and your own — over any time range, several on one chart.',
  },
  {
    id: 'alarms',
    label: 'Alarms',
    icon: <AlarmsIcon />,
    purpose: 'See every alarm by state, what made it fire, and its history, with the metric graphed around the moment it changed.',
  },
  {
    id: 'trail',
    label: 'CloudTrail',
    icon: <TrailIcon />,
    purpose: 'Search CloudTrail events to find who changed what, when, and from where.',
  },
  {
    id: 'exports',
    label: 'Exports',
    icon: <ExportsIcon />,
    purpose: 'Export log groups to S3 and download the exported files, with progress you can follow and cancel.',
  },
];
