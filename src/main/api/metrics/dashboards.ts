/** Dashboards: listing, reading one, and adding a graph to one without losing anything else on it. */
import {
  CloudWatchClient,
  GetDashboardCommand,
  paginateListDashboards,
  PutDashboardCommand,
} from '@aws-sdk/client-cloudwatch';
import type { CloudscopeHandlers, Dashboard, DashboardSummary } from '../../../shared/contract';
import { apiError } from '../../../shared/errors';
import { newDashboardBody, parseDashboardBody, withWidgetAdded, type DashboardWidgetEntry } from '../../../shared/metric-dashboards';
import type { ScopedClient, Session } from '../session';

type DashboardHandlers = Pick<CloudscopeHandlers['metrics'], 'listDashboards' | 'getDashboard' | 'addWidget'>;

export function dashboardHandlers(session: Session): DashboardHandlers {
  return {
    async listDashboards(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchClient, signal);
      const dashboards: DashboardSummary[] = [];
      for await (const page of paginateListDashboards({ client }, { DashboardNamePrefix: request.prefix || undefined }, { abortSignal })) {
        for (const entry of page.DashboardEntries ?? []) {
          dashboards.push({ name: entry.DashboardName ?? '', arn: entry.DashboardArn ?? '', lastModified: entry.LastModified?.getTime() ?? 0, size: entry.Size ?? 0 });
        }
      }
      return { dashboards };
    },

    async getDashboard(request, { signal }) {
      const dashboard = await readDashboard(await session.client(CloudWatchClient, signal), request.name);
      if (!dashboard) throw apiError('NotFound', `There is no dashboard named ${request.name} in this region. It may have been deleted; refresh the list.`);
      return dashboard;
    },

    async addWidget(request, { signal }) {
      const scoped = await session.client(CloudWatchClient, signal);
      const widget = request.widget as DashboardWidgetEntry;
      const existing = await readDashboard(scoped, request.name);
      let body: string;
      if (request.create) {
        if (existing) throw apiError('AlreadyExists', `A dashboard named ${request.name} already exists. Choose another name, or add the graph to it.`);
        body = newDashboardBody(widget);
      } else {
        if (!existing) throw apiError('NotFound', `There is no dashboard named ${request.name} in this region any more. Refresh the list, or create it.`);
        const parsed = parseDashboardBody(existing.body);
        if (!parsed.ok) {
          throw apiError(
            'InvalidInput',
            `Cloudscope cannot read the dashboard ${request.name} (${parsed.message}), so it leaves it unchanged rather than risk losing what is on it. Add the graph to another dashboard.`,
          );
        }
        try {
          body = withWidgetAdded(parsed.dashboard, widget);
        } catch (error) {
          throw apiError('LimitExceeded', error instanceof Error ? error.message : String(error));
        }
      }
      const output = await scoped.client.send(new PutDashboardCommand({ DashboardName: request.name, DashboardBody: body }), { abortSignal: scoped.abortSignal });
      const saved = parseDashboardBody(body);
      return {
        name: request.name,
        widgets: saved.ok ? saved.dashboard.widgets.length : 0,
        warnings: (output.DashboardValidationMessages ?? []).map((message) => [message.DataPath, message.Message].filter(Boolean).join(': ')),
      };
    },
  };
}

/** The dashboard, or undefined when there is none by that name. */
async function readDashboard({ client, abortSignal }: ScopedClient<CloudWatchClient>, name: string): Promise<Dashboard | undefined> {
  try {
    const output = await client.send(new GetDashboardCommand({ DashboardName: name }), { abortSignal });
    return { name: output.DashboardName ?? name, arn: output.DashboardArn ?? '', body: output.DashboardBody ?? '' };
  } catch (error) {
    const code = (error as { name?: string }).name;
    if (code === 'DashboardNotFoundError' || code === 'ResourceNotFound') return undefined;
    throw error;
  }
}
