/**
 * The echarts option for a time-series chart, built from plain data: pure, so what the chart draws
 * (gaps, axes, stacking, colours, labels) is decided and tested here, and the component only hands
 * it to echarts.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkAreaComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatTimestamp, type TimeZoneMode } from '../../../../shared/format';
import { formatAxisTick, formatValueWithUnit } from './chartValues';

export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | TitleComponentOption | MarkAreaComponentOption
>;

/** How series are drawn. A single "number" is not a chart: the caller shows it as text. */
export type ChartKind = 'line' | 'stackedArea' | 'bar';
export type YAxisSide = 'left' | 'right';

/** One point: epoch milliseconds and a value; `null` is missing data, drawn as a gap (never as zero). */
export type ChartPoint = readonly [time: number, value: number | null];

export interface ChartSeries {
  /** Stable across renders (legend state and colours follow it). */
  readonly id: string;
  readonly label: string;
  /** Sorted by time. */
  readonly points: readonly ChartPoint[];
  /** Any CSS colour; the palette's colour for the series' position otherwise. */
  readonly color?: string;
  readonly axis?: YAxisSide;
}

/** A horizontal line across the whole range at a value, e.g. an alarm's threshold. */
export interface ChartThreshold {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly color?: string;
  readonly axis?: YAxisSide;
  /** The person may move it: by pointer on the line, or with the keys on its handle (reported through `onThresholdDrag`). */
  readonly draggable?: boolean;
}

/** A filled area between a lower and an upper series, e.g. an anomaly-detection band. */
export interface ChartBand {
  readonly id: string;
  readonly label: string;
  /** Sorted by time: [time, lower, upper]; null where the band has no value (a gap). */
  readonly points: readonly (readonly [time: number, lower: number | null, upper: number | null])[];
  readonly color?: string;
  readonly axis?: YAxisSide;
}

/** A stretch of time shaded from top to bottom, e.g. when an alarm was in ALARM. */
export interface ChartInterval {
  readonly start: number;
  readonly end: number;
  /** Any CSS colour; drawn translucent. */
  readonly color: string;
  /** Said in the tooltip-less canvas's accessible description by the caller; kept here for exported images. */
  readonly label?: string;
}

export interface ChartAxis {
  /** A CloudWatch unit name (Milliseconds, Percent, Count/Second…) or any short text. */
  readonly unit?: string;
  /** Shown above the axis, e.g. "Duration". */
  readonly label?: string;
  readonly min?: number;
  readonly max?: number;
}

/** Colours and type read from the app's CSS variables, so the chart follows light and dark. */
export interface ChartTheme {
  readonly text: string;
  readonly textMuted: string;
  readonly border: string;
  readonly gridLine: string;
  readonly surface: string;
  readonly tooltipBackground: string;
  readonly fontFamily: string;
}

export interface ChartOptionInput {
  readonly kind: ChartKind;
  readonly series: readonly ChartSeries[];
  /** The x extent in epoch ms: the whole asked-for range shows even where data is missing. */
  readonly range: { readonly start: number; readonly end: number };
  readonly axes?: { readonly left?: ChartAxis; readonly right?: ChartAxis };
  readonly zone: TimeZoneMode;
  readonly theme: ChartTheme;
  /** Ids of series the person switched off in the legend. */
  readonly hidden?: ReadonlySet<string>;
  /** Lines across the chart at fixed values; they count towards the axis' extent, so they are always in view. */
  readonly thresholds?: readonly ChartThreshold[];
  /** Shaded stretches of time, behind the series. */
  readonly intervals?: readonly ChartInterval[];
  /** Filled areas between two series, behind the series; they count towards the axis' extent. */
  readonly bands?: readonly ChartBand[];
  /** Turns a tooltip's content into DOM nodes (a string would be parsed as HTML by echarts, and labels are data). */
  readonly renderTooltip: (content: TooltipContent) => HTMLElement;
  /** Draw echarts' own legend and a title: for an exported image, where the page's legend is absent. */
  readonly forExport?: { readonly title?: string };
}

/** The console's palette (d3's category10), so colours match what people know from CloudWatch. */
export const CHART_PALETTE: readonly string[] = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/** The colour of the series at `index` when it has none of its own. */
export function seriesColor(series: Pick<ChartSeries, 'color'>, index: number): string {
  return series.color ?? CHART_PALETTE[index % CHART_PALETTE.length] ?? '#1f77b4';
}

/** At most this many rows in a tooltip; the rest are counted. */
const TOOLTIP_ROWS = 20;

export function buildChartOption(input: ChartOptionInput): ChartOption {
  const { kind, theme, zone } = input;
  const axes = input.axes ?? {};
  const visible = input.series
    .map((series, index) => ({ series, color: seriesColor(series, index) }))
    .filter(({ series }) => !input.hidden?.has(series.id));
  const usesRight = visible.some(({ series }) => series.axis === 'right');
  const units = { left: axes.left?.unit, right: axes.right?.unit };
  const title = input.forExport?.title;
  const top = (title ? 36 : 8) + (axes.left?.label || axes.right?.label || units.left || units.right ? 20 : 0);

  return {
    animation: false,
    useUTC: zone === 'utc',
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    title: title ? { text: title, left: 8, top: 4, textStyle: { fontSize: 14, color: theme.text, fontFamily: theme.fontFamily } } : undefined,
    legend: input.forExport
      ? { show: true, bottom: 4, left: 8, right: 8, type: 'plain', textStyle: { color: theme.text }, icon: 'roundRect' }
      : { show: false },
    grid: {
      left: 8,
      right: 8,
      top,
      bottom: input.forExport ? 8 + 24 * Math.ceil(visible.length / 4) : 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: {
      type: 'time',
      min: input.range.start,
      max: input.range.end,
      axisLine: { lineStyle: { color: theme.border } },
      axisTick: { lineStyle: { color: theme.border } },
      axisLabel: { color: theme.textMuted, hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: [
      valueAxis(axes.left, 'left', theme, true),
      { ...valueAxis(axes.right, 'right', theme, false), show: usesRight },
    ],
    tooltip: {
      trigger: 'axis',
      confine: true,
      backgroundColor: theme.tooltipBackground,
      borderColor: theme.border,
      textStyle: { color: theme.text, fontFamily: theme.fontFamily, fontSize: 12 },
      axisPointer: { type: 'line', lineStyle: { color: theme.textMuted } },
      formatter: (params: unknown) => {
        const content = tooltipContent(params, zone, units, visible.map(({ series }) => series));
        return content ? input.renderTooltip(content) : '';
      },
    },
    series: [
      ...visible.map(({ series, color }) => seriesOption(series, color, kind)),
      ...(input.thresholds ?? []).map((threshold) => thresholdOption(threshold, input.range, theme)),
      ...(input.intervals?.length ? [intervalsOption(input.intervals)] : []),
      ...(input.bands ?? []).flatMap((band) => bandOptions(band, theme)),
    ],
  };
}

/** Ids of the series the chart adds for thresholds and intervals (not the caller's, never in tooltips). */
export const THRESHOLD_SERIES_PREFIX = '__threshold:';
const INTERVALS_SERIES_ID = '__intervals';

/** A threshold as a two-point dashed line over the whole range: unlike a markLine, it widens the axis to include it. */
function thresholdOption(threshold: ChartThreshold, range: { readonly start: number; readonly end: number }, theme: ChartTheme): LineSeriesOption {
  return {
    id: `${THRESHOLD_SERIES_PREFIX}${threshold.id}`,
    name: threshold.label,
    type: 'line',
    yAxisIndex: threshold.axis === 'right' ? 1 : 0,
    color: threshold.color ?? theme.text,
    data: [
      [range.start, threshold.value],
      [range.end, threshold.value],
    ],
    showSymbol: false,
    lineStyle: { width: 1.5, type: 'dashed' },
    emphasis: { disabled: true },
    tooltip: { show: false },
    silent: true,
    z: 3,
  };
}

export const BAND_SERIES_PREFIX = '__band:';

/**
 * A band as two stacked lines: the lower edge (an invisible line) and the band's height on top of it, filled.
 * Stacking is how echarts fills between two series; the height is upper − lower, null where either is missing.
 */
function bandOptions(band: ChartBand, theme: ChartTheme): LineSeriesOption[] {
  const color = band.color ?? theme.textMuted;
  const stack = `${BAND_SERIES_PREFIX}${band.id}`;
  const common = {
    type: 'line' as const,
    yAxisIndex: band.axis === 'right' ? 1 : 0,
    stack,
    stackStrategy: 'all' as const,
    showSymbol: false,
    connectNulls: false,
    emphasis: { disabled: true },
    tooltip: { show: false },
    silent: true,
    z: 1,
  };
  return [
    {
      ...common,
      id: `${stack}:lower`,
      name: band.label,
      color,
      data: packedPoints(band.points.map(([time, lower, upper]) => [time, lower === null || upper === null ? null : lower])) as unknown as (number | null)[][],
      dimensions: ['time', 'value'],
      lineStyle: { width: 0.5, opacity: 0.6 },
    },
    {
      ...common,
      id: `${stack}:height`,
      name: band.label,
      color,
      data: packedPoints(band.points.map(([time, lower, upper]) => [time, lower === null || upper === null ? null : upper - lower])) as unknown as (number | null)[][],
      dimensions: ['time', 'value'],
      lineStyle: { width: 0.5, opacity: 0.6 },
      areaStyle: { color, opacity: 0.18 },
    },
  ];
}

/**
 * The step a keyboard press moves a threshold by: a round number (1, 2 or 5 × 10ⁿ) near a hundredth of the
 * value axis' span, so a hundred presses cross the chart and every value reached reads cleanly.
 */
export function thresholdStep(axisMin: number, axisMax: number): number {
  const span = Math.abs(axisMax - axisMin);
  if (!Number.isFinite(span) || span === 0) return 1;
  const raw = span / 100;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const mantissa = raw / magnitude;
  const nice = mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10;
  return nice * magnitude;
}

/** A dragged value rounded to the step, without binary noise (0.1 + 0.2 reads 0.3). */
export function roundToStep(value: number, step: number): number {
  const rounded = Math.round(value / step) * step;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number(rounded.toFixed(Math.min(decimals, 20)));
}

/** Every interval as a markArea of one empty series, drawn behind the data. */
function intervalsOption(intervals: readonly ChartInterval[]): LineSeriesOption {
  return {
    id: INTERVALS_SERIES_ID,
    type: 'line',
    data: [],
    silent: true,
    tooltip: { show: false },
    markArea: {
      silent: true,
      data: intervals.map((interval) => [
        { xAxis: interval.start, itemStyle: { color: interval.color, opacity: 0.18 }, name: interval.label ?? '' },
        { xAxis: interval.end },
      ]),
      label: { show: false },
    },
    z: 0,
  };
}

function valueAxis(axis: ChartAxis | undefined, side: YAxisSide, theme: ChartTheme, gridLines: boolean) {
  const name = [axis?.label, axis?.unit && !axis.label ? axis.unit : undefined].filter(Boolean).join(' ');
  return {
    type: 'value' as const,
    position: side,
    name: name || undefined,
    nameLocation: 'end' as const,
    nameTextStyle: { color: theme.textMuted, align: side },
    min: axis?.min,
    max: axis?.max,
    scale: axis?.min === undefined,
    axisLabel: { color: theme.textMuted, formatter: (value: number) => formatAxisTick(value, axis?.unit) },
    axisLine: { show: false },
    splitLine: { show: gridLines, lineStyle: { color: theme.gridLine } },
  };
}

function seriesOption(series: ChartSeries, color: string, kind: ChartKind): LineSeriesOption | BarSeriesOption {
  const common = {
    id: series.id,
    name: series.label,
    yAxisIndex: series.axis === 'right' ? 1 : 0,
    color,
    // echarts reads typed arrays as data at run time; its option types only name plain arrays.
    data: packedPoints(series.points) as unknown as (number | null)[][],
    dimensions: ['time', 'value'],
    emphasis: { disabled: true },
  };
  if (kind === 'bar') return { ...common, type: 'bar', barMaxWidth: 24, large: true };
  return {
    ...common,
    type: 'line',
    showSymbol: false,
    symbol: 'circle',
    symbolSize: 5,
    // A lone point between gaps would be invisible without its symbol.
    showAllSymbol: false,
    connectNulls: false,
    lineStyle: { width: 1 },
    ...(kind === 'stackedArea'
      ? { stack: series.axis === 'right' ? 'right' : 'left', areaStyle: { opacity: 0.35 }, stackStrategy: 'all' as const }
      : {}),
  };
}

/**
 * The points as one Float64Array of time, value pairs (NaN for missing data, which echarts draws as a
 * gap): echarts deep-copies an option's arrays and walks every item of an array of points for
 * backward-compatible styles, but copies a typed array in one go and never walks it, which at 100,000
 * points is most of the time a chart takes to draw.
 */
export function packedPoints(points: readonly ChartPoint[]): Float64Array {
  const packed = new Float64Array(points.length * 2);
  for (let index = 0; index < points.length; index++) {
    const point = points[index]!;
    packed[2 * index] = point[0];
    packed[2 * index + 1] = point[1] ?? Number.NaN;
  }
  return packed;
}

interface TooltipParam {
  readonly seriesIndex: number;
  readonly value: unknown;
  readonly axisValue: unknown;
  readonly color: unknown;
}

/** What a tooltip says, as data: the component turns it into DOM nodes with text (labels are data, never HTML). */
export interface TooltipContent {
  readonly time: string;
  readonly rows: readonly { readonly label: string; readonly value: string; readonly color: string }[];
  /** Rows left out past the tooltip's limit. */
  readonly more: number;
}

export function tooltipContent(
  params: unknown,
  zone: TimeZoneMode,
  units: { readonly left?: string; readonly right?: string },
  series: readonly ChartSeries[],
): TooltipContent | null {
  // Thresholds and intervals come after the caller's series and are not in tooltips.
  const rows = ((Array.isArray(params) ? params : [params]) as TooltipParam[]).filter((row) => row.seriesIndex < series.length);
  const first = rows[0];
  if (!first) return null;
  const time = Number(first.axisValue);
  return {
    time: `${formatTimestamp(time, zone, 'second')}${zone === 'utc' ? ' UTC' : ''}`,
    rows: rows.slice(0, TOOLTIP_ROWS).map((row) => {
      const item = series[row.seriesIndex];
      const value = Array.isArray(row.value) ? (row.value[1] as number | null) : null;
      return {
        label: item?.label ?? '',
        value: formatValueWithUnit(value, item?.axis === 'right' ? units.right : units.left),
        color: String(row.color),
      };
    }),
    more: Math.max(0, rows.length - TOOLTIP_ROWS),
  };
}

/** For keyboard users and screen readers: what the chart shows at one time, as a sentence. */
export function describePoint(series: readonly ChartSeries[], time: number, zone: TimeZoneMode, units: { readonly left?: string; readonly right?: string }): string {
  const values = series.map((item) => {
    const point = findPoint(item.points, time);
    return `${item.label}: ${formatValueWithUnit(point?.[1], item.axis === 'right' ? units.right : units.left)}`;
  });
  return `${formatTimestamp(time, zone, 'second')}${zone === 'utc' ? ' UTC' : ''}. ${values.join('; ')}`;
}

/** The point at exactly `time` (binary search over sorted points). */
export function findPoint(points: readonly ChartPoint[], time: number): ChartPoint | undefined {
  let low = 0;
  let high = points.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const point = points[middle];
    if (!point) return undefined;
    const at = point[0];
    if (at === time) return point;
    if (at < time) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/** Every distinct time of the visible series, sorted: the stops of the keyboard cursor. */
export function pointTimes(series: readonly ChartSeries[]): number[] {
  const times = new Set<number>();
  for (const item of series) for (const [time] of item.points) times.add(time);
  return [...times].sort((a, b) => a - b);
}

/** The range after zooming by `factor` (0.5: in to half, 2: out to double) around `center`. */
export function zoomedRange(range: { readonly start: number; readonly end: number }, center: number, factor: number) {
  const width = (range.end - range.start) * factor;
  const ratio = range.end > range.start ? (center - range.start) / (range.end - range.start) : 0.5;
  const start = Math.round(center - width * ratio);
  return { start, end: Math.round(start + width) };
}
