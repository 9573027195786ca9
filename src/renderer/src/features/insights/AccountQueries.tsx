/**
 * The Logs Insights queries holding the account's concurrency slots in this region (DescribeQueries, Running
 * and Scheduled), read every few seconds while a query here waits for a slot, each with Stop: the slots
 * are the account's, shared with dashboards, scripts and other people, and the console shows none of this.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { QueryInfo } from '../../../../shared/contract';
import { formatAge } from '../../../../shared/format';
import { useScope } from '../../app/scope';
import { ErrorNotice } from '../../components/ErrorNotice';
import { insightsKeys } from './insightsKeys';

const REFRESH_MS = 5_000;

export function AccountQueries() {
  const { key } = useScope();
  const queries = useQuery({
    queryKey: insightsKeys.accountQueries(key),
    queryFn: async (): Promise<QueryInfo[]> => {
      const [running, scheduled] = await Promise.all([window.api.insights.describeQueries({ status: 'Running' }), window.api.insights.describeQueries({ status: 'Scheduled' })]);
      return [...running, ...scheduled].sort((a, b) => a.createTime - b.createTime);
    },
    refetchInterval: REFRESH_MS,
    staleTime: 0,
  });
  const stop = useMutation({
    mutationFn: (queryId: string) => window.api.insights.stop({ queryId }),
    onSettled: () => queries.refetch(),
  });
  const list = queries.data ?? [];

  return (
    <section className="account-queries" aria-label="Queries holding the account's slots">
      <h3 className="account-queries-title">Queries holding the account’s slots</h3>
      <p className="muted">From any tool, dashboard or person using this account in this region, this app included; stopping one frees its slot.</p>
      {queries.isError && <ErrorNotice error={queries.error} context="Could not list the account's queries" />}
      {stop.error !== null && <ErrorNotice error={stop.error} context="Could not stop the query" />}
      {queries.data !== undefined && list.length === 0 && <p className="muted">None is running now: this query starts at its next try.</p>}
      <ul className="account-queries-list">
        {list.map((query) => (
          <li key={query.queryId}>
            <code className="mono account-query-text" title={query.queryString}>
              {query.queryString.split('\n')[0]}
            </code>
            <span className="muted">
              {query.status} · started {formatAge(query.createTime, queries.dataUpdatedAt)}
              {query.logGroupName ? ` · ${query.logGroupName}` : ''}
            </span>
            <button type="button" className="button button-quiet" disabled={stop.isPending} aria-label={`Stop query ${query.queryId}`} onClick={() => stop.mutate(query.queryId)}>
              Stop
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
