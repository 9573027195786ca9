/** Dashboards of the scope: the list, one dashboard's body, and adding a graph to one. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DashboardWidgetEntry } from '../../../../../shared/metric-dashboards';
import { useScope } from '../../../app/scope';
import { metricsKeys } from '../metricsKeys';

export function useDashboardList(enabled: boolean) {
  const { key } = useScope();
  return useQuery({ queryKey: metricsKeys.dashboards(key), queryFn: () => window.api.metrics.listDashboards({}), enabled });
}

export function useDashboard(name: string | undefined) {
  const { key } = useScope();
  return useQuery({
    queryKey: metricsKeys.dashboard(key, name ?? ''),
    queryFn: () => window.api.metrics.getDashboard({ name: name ?? '' }),
    enabled: name !== undefined,
    staleTime: 0,
  });
}

export function useAddWidget() {
  const { key } = useScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { name: string; widget: DashboardWidgetEntry; create: boolean }) => window.api.metrics.addWidget(request),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: metricsKeys.dashboards(key) });
      void queryClient.invalidateQueries({ queryKey: metricsKeys.dashboard(key, saved.name) });
    },
  });
}
