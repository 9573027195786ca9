/**
 * Checks a dashboard body as PutDashboard does ("Dashboard body structure and syntax" in the CloudWatch API
 * Reference): a JSON object with a `widgets` array; each widget has a known `type`, a position and size on
 * the 24-column grid, and `properties` — a metric widget its `metrics` rows (or an expression) and `region`,
 * a text widget its `markdown`. Problems come back as AWS's DashboardValidationMessages: a JSON-pointer
 * DataPath and a message.
 */

export interface DashboardValidationMessage {
  readonly DataPath: string;
  readonly Message: string;
}

const WIDGET_TYPES = ['metric', 'text', 'log', 'alarm', 'explorer', 'custom'];

export function validateDashboardBody(body: string): DashboardValidationMessage[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return [{ DataPath: '', Message: `Invalid JSON: ${(error as Error).message}` }];
  }
  const problems: DashboardValidationMessage[] = [];
  const problem = (path: string, message: string): void => {
    problems.push({ DataPath: path, Message: message });
  };
  if (!isObject(parsed)) {
    problem('', 'Should be object');
    return problems;
  }
  if (parsed.widgets === undefined) problem('', "Should have required property 'widgets'");
  else if (!Array.isArray(parsed.widgets)) problem('/widgets', 'Should be array');
  else parsed.widgets.forEach((widget: unknown, i) => validateWidget(widget, `/widgets/${i}`, problem));
  if (parsed.periodOverride !== undefined && parsed.periodOverride !== 'auto' && parsed.periodOverride !== 'inherit') {
    problem('/periodOverride', 'Should be equal to one of the allowed values: auto, inherit');
  }
  return problems;
}

function validateWidget(widget: unknown, path: string, problem: (path: string, message: string) => void): void {
  if (!isObject(widget)) {
    problem(path, 'Should be object');
    return;
  }
  if (typeof widget.type !== 'string') problem(path, "Should have required property 'type'");
  else if (!WIDGET_TYPES.includes(widget.type)) problem(`${path}/type`, `Should be equal to one of the allowed values: ${WIDGET_TYPES.join(', ')}`);
  const range = (name: string, min: number, max: number): void => {
    const value = widget[name];
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value)) problem(`${path}/${name}`, 'Should be integer');
    else if (value < min || value > max) problem(`${path}/${name}`, `Should be between ${min} and ${max}`);
  };
  range('x', 0, 23);
  range('y', 0, Number.MAX_SAFE_INTEGER);
  range('width', 1, 24);
  range('height', 1, 1000);
  const properties = widget.properties;
  if (properties === undefined) {
    problem(path, "Should have required property 'properties'");
    return;
  }
  if (!isObject(properties)) {
    problem(`${path}/properties`, 'Should be object');
    return;
  }
  if (widget.type === 'text' && typeof properties.markdown !== 'string') problem(`${path}/properties`, "Should have required property 'markdown'");
  if (widget.type === 'metric') validateMetricProperties(properties, `${path}/properties`, problem);
}

function validateMetricProperties(properties: Record<string, unknown>, path: string, problem: (path: string, message: string) => void): void {
  if (typeof properties.region !== 'string') problem(path, "Should have required property 'region'");
  const metrics = properties.metrics;
  if (metrics === undefined) {
    problem(path, "Should have required property 'metrics'");
    return;
  }
  if (!Array.isArray(metrics)) {
    problem(`${path}/metrics`, 'Should be array');
    return;
  }
  metrics.forEach((row: unknown, i) => {
    const rowPath = `${path}/metrics/${i}`;
    if (!Array.isArray(row) || row.length === 0) {
      problem(rowPath, 'Should be a non-empty array');
      return;
    }
    const last = row[row.length - 1] as unknown;
    const options = isObject(last) ? last : undefined;
    const names = options === undefined ? row : row.slice(0, -1);
    names.forEach((item: unknown, j) => {
      if (typeof item !== 'string') problem(`${rowPath}/${j}`, 'Should be string');
    });
    if (names.length === 0 && typeof options?.expression !== 'string') problem(rowPath, "Should have a metric (namespace, name, dimensions) or an 'expression'");
    // `...` repeats the previous row's namespace, name and dimensions; `.` one item of it.
    const repeatsAll = names.length === 1 && names[0] === '...';
    if (names.length === 1 && !repeatsAll) problem(rowPath, 'Should have at least a namespace and a metric name');
    if (names.length > 2 && names.length % 2 !== 0) problem(rowPath, 'Should have a value for each dimension name');
    if (options?.yAxis !== undefined && options.yAxis !== 'left' && options.yAxis !== 'right') problem(`${rowPath}/${row.length - 1}/yAxis`, 'Should be equal to one of the allowed values: left, right');
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
