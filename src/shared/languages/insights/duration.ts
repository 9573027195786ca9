/**
 * Time periods as `bin()`, `datefloor()` and `dateceil()` take them: a number and a unit. AWS accepts
 * each unit's short and long spellings, and a plural `s` on spellings longer than one character
 * (`hr`/`hrs`, `minute`/`minutes`).
 */
export type DurationUnit = 'ms' | 's' | 'm' | 'h' | 'd' | 'w' | 'mo' | 'q' | 'y';

export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

const SPELLINGS: Readonly<Record<DurationUnit, readonly string[]>> = {
  ms: ['ms', 'msec', 'millisecond'],
  s: ['s', 'sec', 'second'],
  m: ['m', 'min', 'minute'],
  h: ['h', 'hr', 'hour'],
  d: ['d', 'day'],
  w: ['w', 'week'],
  mo: ['mo', 'mon', 'month'],
  q: ['q', 'qtr', 'quarter'],
  y: ['y', 'yr', 'year'],
};

const UNIT_BY_SPELLING = new Map<string, DurationUnit>(
  (Object.entries(SPELLINGS) as Array<[DurationUnit, readonly string[]]>).flatMap(([unit, spellings]) =>
    spellings.flatMap((spelling) => (spelling.length > 1 ? [[spelling, unit], [`${spelling}s`, unit]] : [[spelling, unit]]) as Array<[string, DurationUnit]>),
  ),
);

/** The unit a spelling names (case-sensitive, as AWS reads them), or undefined. */
export function durationUnit(spelling: string): DurationUnit | undefined {
  return UNIT_BY_SPELLING.get(spelling);
}

const FIXED_MS: Readonly<Partial<Record<DurationUnit, number>>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Milliseconds of a fixed-length period; undefined for months, quarters and years (calendar periods). */
export function fixedMilliseconds(duration: Duration): number | undefined {
  const unit = FIXED_MS[duration.unit];
  return unit === undefined ? undefined : duration.amount * unit;
}

/** Months in a calendar period (month, quarter, year); undefined for fixed periods. */
export function calendarMonths(duration: Duration): number | undefined {
  switch (duration.unit) {
    case 'mo':
      return duration.amount;
    case 'q':
      return duration.amount * 3;
    case 'y':
      return duration.amount * 12;
    default:
      return undefined;
  }
}

/** Reads `5m`, `1.5h`, `2hrs`; undefined when it is not a duration. */
export function parseDuration(text: string): Duration | undefined {
  const match = /^(\d+(?:\.\d+)?)([A-Za-z]+)$/.exec(text);
  if (match === null) return undefined;
  const unit = durationUnit(match[2] as string);
  return unit === undefined ? undefined : { amount: Number(match[1]), unit };
}
