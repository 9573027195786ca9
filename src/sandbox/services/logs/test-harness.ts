/** Calls CloudWatch Logs operations directly (no HTTP) against fresh state, for unit tests. */
import type { RequestContext } from '../../core/context';
import { ServiceError } from '../../core/errors';
import type { JsonOperation } from '../../protocols/json';
import { AccountState } from '../../state';
import { LOGS_STORE, type LogsStore } from './store';

export const TEST_ACCOUNT_ID = '123456789012';

export class LogsHarness {
  constructor(
    /** The sandbox clock; tests move it. */
    public now = Date.UTC(2025, 0, 15, 12, 0, 0),
    readonly region = 'us-east-1',
    readonly state = new AccountState(TEST_ACCOUNT_ID),
  ) {}

  get logs(): LogsStore {
    return this.state.region(this.region).store(LOGS_STORE);
  }

  context(): RequestContext {
    return {
      requestId: 'test',
      accountId: TEST_ACCOUNT_ID,
      region: this.region,
      now: this.now,
      state: this.state.region(this.region),
      account: this.state,
      caller: this.state.identity.sandboxUser('AKIDTEST', this.region),
    };
  }

  // Responses are plain JSON; tests read them loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call(operation: JsonOperation, input: object): any {
    return JSON.parse(JSON.stringify(operation(input, this.context()) ?? {}));
  }

  /** Runs an operation that must fail, returning its error. */
  fail(operation: JsonOperation, input: unknown): ServiceError {
    try {
      operation(input, this.context());
    } catch (error) {
      if (error instanceof ServiceError) return error;
      throw error;
    }
    throw new Error('expected the operation to fail');
  }
}
