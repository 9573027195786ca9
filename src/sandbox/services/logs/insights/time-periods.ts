/** Rounding timestamps to periods for bin(), datefloor() and dateceil(): fixed units from the epoch, months on the calendar (UTC). */
import { calendarMonths, fixedMilliseconds, type Duration } from '../../../../shared/languages/insights';

export function floorToPeriod(ms: number, period: Duration): number {
  const fixed = fixedMilliseconds(period);
  if (fixed !== undefined) return fixed <= 0 ? ms : Math.floor(ms / fixed) * fixed;
  const months = calendarMonths(period) as number;
  const date = new Date(ms);
  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth();
  const floored = Math.floor(monthIndex / months) * months;
  return Date.UTC(Math.floor(floored / 12), floored % 12, 1);
}

export function ceilToPeriod(ms: number, period: Duration): number {
  const floor = floorToPeriod(ms, period);
  if (floor === ms) return ms;
  const fixed = fixedMilliseconds(period);
  if (fixed !== undefined) return floor + fixed;
  const months = calendarMonths(period) as number;
  const date = new Date(floor);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
}
