/** The app's views, in navigation order, which is also their Ctrl/Cmd+digit order. */
import { alarmsView } from '../features/alarms';
import { exportsView } from '../features/exports';
import { insightsView } from '../features/insights';
import { logsView } from '../features/logs';
import { metricsView } from '../features/metrics';
import { trailView } from '../features/trail';
import type { ViewList } from './viewDescriptor';

export const VIEWS: ViewList = [logsView, insightsView, metricsView, alarmsView, trailView, exportsView];
