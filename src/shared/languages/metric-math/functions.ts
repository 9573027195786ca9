/**
 * The functions of CloudWatch metric math ("Metric math syntax and functions" in the CloudWatch User Guide,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html) and how many
 * arguments each takes. The parser knows them all; `evaluable` marks those the sandbox computes.
 */

export interface MathFunction {
  readonly minArgs: number;
  readonly maxArgs: number;
  /** What it does, for the editor's completion list. */
  readonly summary: string;
  /** Whether the sandbox's GetMetricData evaluates it (the others parse, and are refused when run). */
  readonly evaluable: boolean;
}

const fn = (minArgs: number, maxArgs: number, summary: string, evaluable = true): MathFunction => ({ minArgs, maxArgs, summary, evaluable });

export const MATH_FUNCTIONS: Readonly<Record<string, MathFunction>> = {
  ABS: fn(1, 1, 'Absolute value of each point'),
  ANOMALY_DETECTION_BAND: fn(1, 2, 'Anomaly detection band around a metric'),
  AVG: fn(1, 1, 'Average of a series, or of several series at each time'),
  CEIL: fn(1, 1, 'Rounds each point up'),
  CONCAT: fn(1, 1, 'Concatenates time series', false),
  DATAPOINT_COUNT: fn(1, 1, 'Number of datapoints that reported a value'),
  DAY: fn(1, 1, 'Day of the month of each point', false),
  DB_PERF_INSIGHTS: fn(2, 3, 'Performance Insights counter metrics', false),
  DIFF: fn(1, 1, 'Difference between each point and the previous one'),
  DIFF_TIME: fn(1, 1, 'Seconds between each point and the previous one'),
  EPOCH: fn(1, 1, 'Epoch seconds of each point', false),
  FILL: fn(2, 2, 'Fills missing values with a number, REPEAT or LINEAR'),
  FIRST: fn(1, 1, 'The first series of a sorted list'),
  FLOOR: fn(1, 1, 'Rounds each point down'),
  HOUR: fn(1, 1, 'Hour of each point', false),
  IF: fn(2, 3, 'IF(condition, trueValue[, falseValue])'),
  INSIGHT_RULE_METRIC: fn(2, 2, 'A Contributor Insights rule metric', false),
  LAMBDA: fn(1, 16, 'A Lambda function data source', false),
  LAST: fn(1, 1, 'The last series of a sorted list'),
  LOG: fn(1, 1, 'Natural logarithm of each point'),
  LOG10: fn(1, 1, 'Base-10 logarithm of each point'),
  MAX: fn(1, 1, 'Maximum of a series, or of several series at each time'),
  METRIC_COUNT: fn(1, 1, 'Number of series in a list'),
  METRICS: fn(0, 1, "All metrics of the request, or those whose id contains METRICS('filter')"),
  MIN: fn(1, 1, 'Minimum of a series, or of several series at each time'),
  MINUTE: fn(1, 1, 'Minute of each point', false),
  MONTH: fn(1, 1, 'Month of each point', false),
  PERIOD: fn(1, 1, 'The period of a metric, in seconds'),
  RATE: fn(1, 1, 'Change per second between each point and the previous one'),
  REMOVE_EMPTY: fn(1, 1, 'Drops series that have no datapoints'),
  RUNNING_SUM: fn(1, 1, 'Running sum of each series'),
  SEARCH: fn(2, 3, "SEARCH('{Namespace,Dim} terms', 'Statistic'[, period])"),
  SERVICE_QUOTA: fn(1, 1, 'The service quota of a usage metric', false),
  SLICE: fn(3, 3, 'A part of a list of series', false),
  SORT: fn(3, 4, 'SORT(list, SUM|AVG|MIN|MAX|STDDEV, ASC|DESC[, count])'),
  STDDEV: fn(1, 1, 'Standard deviation of a series, or of several series at each time'),
  SUM: fn(1, 1, 'Sum of a series, or of several series at each time'),
  TIME_SERIES: fn(1, 1, 'A series with one constant value'),
  YEAR: fn(1, 1, 'Year of each point', false),
};

/** Bare words some functions take as arguments: FILL's REPEAT and LINEAR, SORT's function and order. */
export const MATH_KEYWORDS: readonly string[] = ['REPEAT', 'LINEAR', 'ASC', 'DESC', 'SUM', 'AVG', 'MIN', 'MAX', 'STDDEV'];

/** AWS's rule for query ids: a lowercase letter first, then letters, digits and underscores (the model's pattern). */
export const QUERY_ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;
/** The model's length limit for a query id. */
export const QUERY_ID_MAX_LENGTH = 255;

/** Why a query id is refused, or undefined when it is fine. */
export function queryIdError(id: string): string | undefined {
  if (id === '') return 'The id is empty; it must start with a lowercase letter, e.g. m1.';
  if (id.length > QUERY_ID_MAX_LENGTH) return `The id can be at most ${QUERY_ID_MAX_LENGTH} characters long.`;
  if (!/^[a-z]/.test(id)) return `The id ${id} must start with a lowercase letter.`;
  if (!QUERY_ID_PATTERN.test(id)) return `The id ${id} may contain only letters, numbers and underscores.`;
  return undefined;
}
