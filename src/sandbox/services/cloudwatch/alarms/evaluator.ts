/**
 * Runs every alarm of every region once a minute of the sandbox clock, as CloudWatch does ("Alarms evaluate
 * every minute", alarm-limits in the User Guide): each metric alarm through the shared engine on its
 * evaluation range, a state change recorded and acted on (state-change.ts). A tick yields to the event loop
 * every few milliseconds, so requests are answered while 10,000 alarms are evaluated. The clock is polled in
 * real time; a sandbox clock that jumps ahead gets one evaluation at its new minute, not one per minute
 * skipped. Tests run a tick when they choose (`evaluateNow`).
 */
import { evaluateAlarm } from '../../../../shared/alarms';
import type { AccountState } from '../../../state';
import { alarmDatapoints, compileAlarm } from './alarm-data';
import type { StoredMetricAlarm } from './model';
import { alarmRegion } from './region';
import { changeState } from './state-change';
import { ALARMS_STORE } from './store';

const MINUTE = 60_000;
/** How often the real-time poll looks at the sandbox clock. */
const POLL_MS = 1_000;
/** How long a tick runs before it lets requests through. */
const SLICE_MS = 8;

export interface TickSummary {
  /** The evaluation time, epoch ms. */
  readonly at: number;
  readonly evaluated: number;
  readonly changed: number;
}

export class AlarmEvaluator {
  private timer: NodeJS.Timeout | undefined;
  private lastMinute: number;
  private running: Promise<TickSummary> | undefined;

  constructor(
    private readonly account: AccountState,
    private readonly clock: () => number,
  ) {
    this.lastMinute = Math.floor(clock() / MINUTE);
  }

  /** Polls the sandbox clock until `stop`; the timer never keeps the process alive. */
  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.poll(), POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private poll(): void {
    const minute = Math.floor(this.clock() / MINUTE);
    if (minute <= this.lastMinute || this.running !== undefined) return;
    this.lastMinute = minute;
    this.running = this.tick(minute * MINUTE, true).finally(() => {
      this.running = undefined;
    });
  }

  /** One evaluation of every alarm at `now` (default the sandbox clock), all at once. */
  evaluateNow(now = this.clock()): TickSummary {
    let evaluated = 0;
    let changed = 0;
    for (const step of this.steps(now)) {
      evaluated++;
      if (step) changed++;
    }
    return { at: now, evaluated, changed };
  }

  /** One evaluation of every alarm at `now`, yielding to the event loop between slices when `sliced`. */
  async tick(now: number, sliced: boolean): Promise<TickSummary> {
    if (!sliced) return this.evaluateNow(now);
    let evaluated = 0;
    let changed = 0;
    let sliceStart = performance.now();
    for (const step of this.steps(now)) {
      evaluated++;
      if (step) changed++;
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    return { at: now, evaluated, changed };
  }

  /** Evaluates alarm after alarm, yielding whether each changed state. */
  private *steps(now: number): Generator<boolean> {
    for (const regionState of this.account.regionStates()) {
      const store = regionState.store(ALARMS_STORE);
      if (store.size === 0) continue;
      const where = alarmRegion(regionState);
      // A copy: an alarm put or deleted while the tick yields does not disturb it.
      for (const alarm of [...store.all()]) {
        if (alarm.type !== 'MetricAlarm' || store.get(alarm.config.AlarmName) !== alarm) continue;
        yield this.evaluate(alarm, regionState, now, where);
      }
    }
  }

  private evaluate(alarm: StoredMetricAlarm, regionState: Parameters<typeof alarmDatapoints>[1], now: number, where: ReturnType<typeof alarmRegion>): boolean {
    const { engine } = compileAlarm(alarm.config);
    const datapoints = alarmDatapoints(alarm.config, regionState, this.account, now);
    const result = evaluateAlarm(engine, datapoints, { now, currentState: alarm.state.value });
    if (!result.changed) return false;
    return changeState(where, alarm, { value: result.state, reason: result.reason, reasonData: result.reasonData }, now);
  }
}
