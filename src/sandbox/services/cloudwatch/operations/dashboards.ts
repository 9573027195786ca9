/**
 * PutDashboard, GetDashboard, ListDashboards (1,000 per page, by name prefix) and DeleteDashboards
 * (all or nothing). Dashboards are account-wide: every region sees the same ones.
 */
import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { CloudWatchInput, decodeToken, encodeToken, missingParameter } from '../common';
import { validateDashboardBody, type DashboardValidationMessage } from '../dashboard-body';
import { DASHBOARDS_STORE, type DashboardsStore } from '../store';

export const LIST_DASHBOARDS_PAGE_SIZE = 1000;
const DASHBOARD_NAME = /^[A-Za-z0-9_-]{1,255}$/;

function dashboards(context: RequestContext): DashboardsStore {
  return context.account.store(DASHBOARDS_STORE);
}

function invalidInput(message: string, messages: readonly DashboardValidationMessage[] = []): ServiceError {
  return new ServiceError('InvalidParameterInput', message, 400, messages.length === 0 ? {} : { dashboardValidationMessages: messages });
}

function notFound(message: string): ServiceError {
  return new ServiceError('ResourceNotFound', message, 404);
}

function readName(input: CloudWatchInput): string {
  const name = input.string('DashboardName', { required: true })!;
  if (!DASHBOARD_NAME.test(name)) {
    throw invalidInput('The value for field DashboardName contains invalid characters. It can only contain alphanumerics, dash (-) and underscore (_).');
  }
  return name;
}

export function putDashboard(body: unknown, context: RequestContext): { DashboardValidationMessages: DashboardValidationMessage[] } {
  const input = CloudWatchInput.of(body);
  const name = readName(input);
  const dashboardBody = input.string('DashboardBody', { required: true })!;
  const problems = validateDashboardBody(dashboardBody);
  if (problems.length > 0) {
    const list = JSON.stringify(problems.map((p) => ({ dataPath: p.DataPath, message: p.Message })), null, 2);
    throw invalidInput(`The dashboard body is invalid, there are ${problems.length} validation errors:\n${list}`, problems);
  }
  dashboards(context).put({ name, body: dashboardBody, lastModified: context.now });
  return { DashboardValidationMessages: [] };
}

export function getDashboard(body: unknown, context: RequestContext): { DashboardArn: string; DashboardBody: string; DashboardName: string } {
  const input = CloudWatchInput.of(body);
  const name = input.string('DashboardName', { required: true })!;
  const store = dashboards(context);
  const dashboard = store.get(name);
  if (dashboard === undefined) throw notFound(`Dashboard ${name} does not exist`);
  return { DashboardArn: store.arnOf(name), DashboardBody: dashboard.body, DashboardName: name };
}

function isOffset(value: unknown): value is { o: number; p: string } {
  return typeof value === 'object' && value !== null && Number.isInteger((value as { o: unknown }).o) && typeof (value as { p: unknown }).p === 'string';
}

export function listDashboards(
  body: unknown,
  context: RequestContext,
): { DashboardEntries: { DashboardName: string; DashboardArn: string; LastModified: Date; Size: number }[]; NextToken?: string } {
  const input = CloudWatchInput.of(body);
  const prefix = input.string('DashboardNamePrefix') ?? '';
  const token = input.string('NextToken');
  const offset = token === undefined ? 0 : decodeToken(token, (v): v is { o: number; p: string } => isOffset(v) && v.p === prefix).o;
  const store = dashboards(context);
  const matching = store.list().filter((d) => d.name.startsWith(prefix));
  const page = matching.slice(offset, offset + LIST_DASHBOARDS_PAGE_SIZE);
  return {
    DashboardEntries: page.map((d) => ({ DashboardName: d.name, DashboardArn: store.arnOf(d.name), LastModified: new Date(d.lastModified), Size: Buffer.byteLength(d.body) })),
    ...(offset + LIST_DASHBOARDS_PAGE_SIZE < matching.length && { NextToken: encodeToken({ o: offset + LIST_DASHBOARDS_PAGE_SIZE, p: prefix }) }),
  };
}

export function deleteDashboards(body: unknown, context: RequestContext): Record<string, never> {
  const input = CloudWatchInput.of(body);
  const names = input.strings('DashboardNames', { required: true })!;
  if (names.length === 0) throw missingParameter('DashboardNames');
  const store = dashboards(context);
  const missing = names.filter((name) => store.get(name) === undefined);
  if (missing.length > 0) throw notFound(`The specified dashboard does not exist. [${missing.join(', ')}]`);
  for (const name of names) store.delete(name);
  return {};
}
