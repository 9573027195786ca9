/**
 * The current scope (connection + region) and the AWS clients that belong to it. Switching scope
 * aborts every call still running in the old one, so a slow answer can never land in the new view.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { Connection, Scope } from '../../shared/contract';
import { apiError } from '../../shared/errors';

export const DEMO_CONNECTION: Connection = {
  id: 'demo',
  name: 'Demo (local sandbox)',
  kind: 'demo',
  defaultRegion: 'us-east-1',
};

/** The sandbox accepts any signed request; these keys are not secret. */
const DEMO_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: 'DEMOACCESSKEY', secretAccessKey: 'demo-secret' };

/**
 * The adaptive mode adds client-side rate limiting on top of retries: after a throttle it slows
 * down to what the quota allows instead of hammering it, which is how long listings finish fastest.
 */
const RETRY = { retryMode: 'adaptive', maxAttempts: 8 } as const;

export interface SessionOptions {
  /** Starts (once) the in-process sandbox behind the Demo connection and returns its endpoint. */
  readonly demoEndpoint: () => Promise<string>;
}

interface ActiveScope extends Scope {
  readonly controller: AbortController;
  logs?: Promise<CloudWatchLogsClient>;
}

export class Session {
  private active: ActiveScope;

  constructor(private readonly options: SessionOptions) {
    this.active = this.open(DEMO_CONNECTION, DEMO_CONNECTION.defaultRegion);
  }

  connections(): readonly Connection[] {
    return [DEMO_CONNECTION];
  }

  current(): Scope {
    return { connection: this.active.connection, region: this.active.region };
  }

  select(connectionId: string, region?: string): Scope {
    const connection = this.connections().find((candidate) => candidate.id === connectionId);
    if (!connection) {
      throw apiError('NotFound', `There is no connection "${connectionId}". Pick one from the connection list.`);
    }
    const nextRegion = region ?? connection.defaultRegion;
    if (connection.id !== this.active.connection.id || nextRegion !== this.active.region) {
      this.close(this.active);
      this.active = this.open(connection, nextRegion);
    }
    return this.current();
  }

  /** A signal that aborts when the caller cancels or the scope changes. */
  signalFor(callSignal: AbortSignal): AbortSignal {
    return AbortSignal.any([callSignal, this.active.controller.signal]);
  }

  logs(): Promise<CloudWatchLogsClient> {
    const scope = this.active;
    scope.logs ??= this.endpointFor(scope.connection).then(
      (endpoint) =>
        new CloudWatchLogsClient({
          region: scope.region,
          credentials: DEMO_CREDENTIALS,
          ...(endpoint ? { endpoint } : {}),
          ...RETRY,
        }),
    );
    return scope.logs;
  }

  dispose(): void {
    this.close(this.active);
  }

  private open(connection: Connection, region: string): ActiveScope {
    return { connection, region, controller: new AbortController() };
  }

  private close(scope: ActiveScope): void {
    scope.controller.abort();
    void scope.logs?.then((client) => client.destroy()).catch(() => undefined);
  }

  private async endpointFor(connection: Connection): Promise<string | undefined> {
    if (connection.kind === 'demo') return this.options.demoEndpoint();
    return connection.endpoint;
  }
}
