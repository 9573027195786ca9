/**
 * A region's Insights state: the queries started in it (kept for AWS's seven days of retrievable results)
 * and its saved query definitions.
 */
import { INSIGHTS_RESULTS_RETENTION_MS } from '../../../../shared/languages/insights';
import type { RegionalStore } from '../../../state';
import type { QueryRun } from './query-run';

export interface QueryDefinition {
  readonly queryDefinitionId: string;
  readonly name: string;
  readonly queryString: string;
  readonly logGroupNames: readonly string[];
  /** Sandbox clock, epoch milliseconds. */
  readonly lastModified: number;
}

export class InsightsQueries {
  private readonly runs = new Map<string, QueryRun>();
  readonly definitions = new Map<string, QueryDefinition>();

  add(run: QueryRun): void {
    this.runs.set(run.info.id, run);
  }

  get(id: string, now: number): QueryRun | undefined {
    this.forgetExpired(now);
    return this.runs.get(id);
  }

  /** Queries Scheduled or Running. */
  activeCount(): number {
    let count = 0;
    for (const run of this.runs.values()) if (run.active) count++;
    return count;
  }

  /** Every retained query, newest first. */
  list(now: number): QueryRun[] {
    this.forgetExpired(now);
    return [...this.runs.values()].reverse();
  }

  private forgetExpired(now: number): void {
    for (const [id, run] of this.runs) {
      if (now - run.info.createTime <= INSIGHTS_RESULTS_RETENTION_MS) break;
      if (!run.active) this.runs.delete(id);
    }
  }
}

export const INSIGHTS_QUERIES: RegionalStore<InsightsQueries> = { create: () => new InsightsQueries() };
