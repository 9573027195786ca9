import { describe, expect, it } from 'vitest';
import { buildChartOption, describePoint, findPoint, packedPoints, pointTimes, roundToStep, seriesColor, thresholdStep, tooltipContent, zoomedRange, type ChartOptionInput, type ChartSeries } from './chartOption';

const THEME = {
  text: '#111',
  textMuted: '#555',
  border: '#ddd',
  gridLine: '#eee',
  surface: '#fff',
  tooltipBackground: '#fafafa',
  fontFamily: 'sans-serif',
};

const T0 = Date.UTC(2026, 10, 30, 10, 0);
const MINUTE = 60_000;

const duration: ChartSeries = { id: 'm1', label: 'Duration p99', points: [[T0, 120], [T0 + MINUTE, null], [T0 + 2 * MINUTE, 80]] };
const errors: ChartSeries = { id: 'm2', label: 'Errors', points: [[T0, 0], [T0 + MINUTE, 3]], axis: 'right' };

function input(overrides: Partial<ChartOptionInput> = {}): ChartOptionInput {
  return { kind: 'line', renderTooltip: () => ({}) as HTMLElement, series: [duration, errors], range: { start: T0 - MINUTE, end: T0 + 5 * MINUTE }, zone: 'utc', theme: THEME, axes: { left: { unit: 'Milliseconds' }, right: { unit: 'Count' } }, ...overrides };
}

type SeriesList = { id: string; type: string; yAxisIndex: number; data: unknown; connectNulls?: boolean; stack?: string; areaStyle?: unknown; color: string }[];

describe('buildChartOption', () => {
  it('keeps missing points as gaps (NaN, which echarts never draws) and never connects across them', () => {
    const option = buildChartOption(input());
    const series = option.series as SeriesList;
    expect([...(series[0]?.data as Float64Array)]).toEqual([T0, 120, T0 + MINUTE, Number.NaN, T0 + 2 * MINUTE, 80]);
    expect(series[0]?.connectNulls).toBe(false);
  });

  it('hands echarts each series as one typed array of time, value pairs', () => {
    expect(packedPoints(duration.points)).toBeInstanceOf(Float64Array);
    expect(packedPoints([])).toHaveLength(0);
  });

  it('spans the asked-for range on the time axis even where there is no data', () => {
    const option = buildChartOption(input());
    expect(option.xAxis).toMatchObject({ type: 'time', min: T0 - MINUTE, max: T0 + 5 * MINUTE });
  });

  it('puts right-axis series on the second axis and shows that axis only when it is used', () => {
    const both = buildChartOption(input());
    expect((both.series as SeriesList).map((s) => s.yAxisIndex)).toEqual([0, 1]);
    expect((both.yAxis as { show?: boolean }[])[1]?.show).toBe(true);
    const leftOnly = buildChartOption(input({ series: [duration] }));
    expect((leftOnly.yAxis as { show?: boolean }[])[1]?.show).toBe(false);
  });

  it('stacks areas per axis and draws bars as bars', () => {
    const stacked = buildChartOption(input({ kind: 'stackedArea' })).series as SeriesList;
    expect(stacked.map((s) => s.stack)).toEqual(['left', 'right']);
    expect(stacked[0]?.areaStyle).toBeDefined();
    const bars = buildChartOption(input({ kind: 'bar' })).series as SeriesList;
    expect(bars.map((s) => s.type)).toEqual(['bar', 'bar']);
    const lines = buildChartOption(input()).series as SeriesList;
    expect(lines.map((s) => s.stack)).toEqual([undefined, undefined]);
  });

  it('leaves out hidden series but keeps the colours of the others', () => {
    const all = buildChartOption(input()).series as SeriesList;
    const some = buildChartOption(input({ hidden: new Set(['m1']) })).series as SeriesList;
    expect(some.map((s) => s.id)).toEqual(['m2']);
    expect(some[0]?.color).toBe(all[1]?.color);
  });

  it('uses a series’ own colour, else the palette by position', () => {
    expect(seriesColor({ color: '#abcdef' }, 3)).toBe('#abcdef');
    expect(seriesColor({}, 0)).toBe('#1f77b4');
    expect(seriesColor({}, 10)).toBe('#1f77b4');
  });

  it('follows the time zone and labels axes with their units', () => {
    expect(buildChartOption(input()).useUTC).toBe(true);
    expect(buildChartOption(input({ zone: 'local' })).useUTC).toBe(false);
    const axes = buildChartOption(input()).yAxis as { name?: string; axisLabel: { formatter: (v: number) => string } }[];
    expect(axes[0]?.name).toBe('Milliseconds');
    expect(axes[0]?.axisLabel.formatter(1500)).toBe('1.5K ms');
    expect(axes[1]?.axisLabel.formatter(25_000)).toBe('25K');
  });

  it('draws a legend and a title only for an exported image', () => {
    expect(buildChartOption(input()).legend).toEqual({ show: false });
    expect(buildChartOption(input()).title).toBeUndefined();
    const exported = buildChartOption(input({ forExport: { title: 'Lambda' } }));
    expect(exported.legend).toMatchObject({ show: true });
    expect(exported.title).toMatchObject({ text: 'Lambda' });
  });
});

describe('tooltipContent', () => {
  it('gives the time and each value with its axis’ unit, and says when a value is missing', () => {
    const content = tooltipContent(
      [
        { seriesIndex: 0, value: [T0, null], axisValue: T0, color: '#f00' },
        { seriesIndex: 1, value: [T0, 3], axisValue: T0, color: '#0f0' },
      ],
      'utc',
      { left: 'Milliseconds', right: 'Count' },
      [duration, errors],
    );
    expect(content).toEqual({
      time: '2026-11-30 10:00:00 UTC',
      rows: [
        { label: 'Duration p99', value: 'no data', color: '#f00' },
        { label: 'Errors', value: '3', color: '#0f0' },
      ],
      more: 0,
    });
  });

  it('counts the rows past its limit instead of listing them', () => {
    const many = Array.from({ length: 25 }, (_, index) => ({ seriesIndex: 0, value: [T0, index], axisValue: T0, color: '#000' }));
    const content = tooltipContent(many, 'local', {}, [duration]);
    expect(content?.rows).toHaveLength(20);
    expect(content?.more).toBe(5);
  });

  it('is passed to the renderer the caller gives, which builds DOM nodes', () => {
    const seen: unknown[] = [];
    const option = buildChartOption(input({ renderTooltip: (content) => { seen.push(content); return {} as HTMLElement; } }));
    const formatter = (option.tooltip as { formatter: (params: unknown) => unknown }).formatter;
    formatter([{ seriesIndex: 0, value: [T0, 120], axisValue: T0, color: '#f00' }]);
    expect(seen).toEqual([{ time: '2026-11-30 10:00:00 UTC', rows: [{ label: 'Duration p99', value: '120 ms', color: '#f00' }], more: 0 }]);
  });
});

describe('keyboard cursor helpers', () => {
  it('lists every distinct time once, in order', () => {
    expect(pointTimes([duration, errors])).toEqual([T0, T0 + MINUTE, T0 + 2 * MINUTE]);
  });

  it('finds a point by its exact time', () => {
    expect(findPoint(duration.points, T0 + 2 * MINUTE)).toEqual([T0 + 2 * MINUTE, 80]);
    expect(findPoint(duration.points, T0 + 30_000)).toBeUndefined();
  });

  it('reads out the values at a time', () => {
    expect(describePoint([duration, errors], T0 + MINUTE, 'utc', { left: 'Milliseconds' })).toBe('2026-11-30 10:01:00 UTC. Duration p99: no data; Errors: 3');
  });

  it('zooms around a centre, keeping it at the same place', () => {
    expect(zoomedRange({ start: 0, end: 100 }, 50, 0.5)).toEqual({ start: 25, end: 75 });
    expect(zoomedRange({ start: 0, end: 100 }, 0, 2)).toEqual({ start: 0, end: 200 });
  });
});

describe('thresholds and intervals', () => {
  it('draws a threshold as a dashed line over the whole range, on its axis, out of tooltips', () => {
    const option = buildChartOption(input({ thresholds: [{ id: 't', label: 'Threshold 100', value: 100, axis: 'right' }] }));
    const series = option.series as (SeriesList[number] & { lineStyle?: { type?: string }; tooltip?: { show?: boolean } })[];
    const line = series.find((item) => item.id.endsWith(':t'));
    expect(line?.data).toEqual([[T0 - MINUTE, 100], [T0 + 5 * MINUTE, 100]]);
    expect(line?.yAxisIndex).toBe(1);
    expect(line?.lineStyle?.type).toBe('dashed');
    expect(line?.tooltip?.show).toBe(false);
  });

  it('shades each interval as a mark area behind the data', () => {
    const option = buildChartOption(input({ intervals: [{ start: T0, end: T0 + MINUTE, color: 'red', label: 'ALARM' }, { start: T0 + 3 * MINUTE, end: T0 + 4 * MINUTE, color: 'red' }] }));
    const series = option.series as { markArea?: { data: { xAxis: number }[][] } }[];
    const areas = series.find((item) => item.markArea)?.markArea?.data;
    expect(areas?.map(([from, to]) => [from?.xAxis, to?.xAxis])).toEqual([[T0, T0 + MINUTE], [T0 + 3 * MINUTE, T0 + 4 * MINUTE]]);
  });

  it('leaves threshold rows out of tooltips', () => {
    const content = tooltipContent([{ seriesIndex: 0, value: [T0, 120], axisValue: T0, color: '#000' }, { seriesIndex: 2, value: [T0, 100], axisValue: T0, color: '#000' }], 'utc', {}, [duration, errors]);
    expect(content?.rows.map((row) => row.label)).toEqual(['Duration p99']);
  });
});

describe('anomaly bands', () => {
  const band = { id: 'ad1', label: 'Expected', points: [[T0, 90, 130], [T0 + MINUTE, null, 140], [T0 + 2 * MINUTE, 70, 100]] as const, color: 'grey' };

  it('fills between lower and upper by stacking the height on an invisible lower edge, a gap where either is missing', () => {
    const series = buildChartOption(input({ bands: [band] })).series as (SeriesList[number] & { areaStyle?: unknown; tooltip?: { show?: boolean } })[];
    const [lower, height] = series.filter((item) => item.id.startsWith('__band:ad1'));
    expect([...(lower?.data as Float64Array)]).toEqual([T0, 90, T0 + MINUTE, Number.NaN, T0 + 2 * MINUTE, 70]);
    expect([...(height?.data as Float64Array)]).toEqual([T0, 40, T0 + MINUTE, Number.NaN, T0 + 2 * MINUTE, 30]);
    expect(lower?.stack).toBe(height?.stack);
    expect(lower?.areaStyle).toBeUndefined();
    expect(height?.areaStyle).toBeDefined();
    expect(height?.tooltip?.show).toBe(false);
  });

  it('stacks each band on its own, apart from stacked-area series and other bands', () => {
    const other = { ...band, id: 'ad2', axis: 'right' as const };
    const series = buildChartOption(input({ kind: 'stackedArea', bands: [band, other] })).series as SeriesList;
    const stacks = series.map((item) => item.stack);
    expect(stacks).toEqual(['left', 'right', '__band:ad1', '__band:ad1', '__band:ad2', '__band:ad2']);
    expect(series.slice(4).map((item) => item.yAxisIndex)).toEqual([1, 1]);
  });

  it('keeps band rows out of tooltips: they come after the caller\'s series', () => {
    const content = tooltipContent([{ seriesIndex: 0, value: [T0, 120], axisValue: T0, color: '#000' }, { seriesIndex: 3, value: [T0, 40], axisValue: T0, color: '#000' }], 'utc', {}, [duration, errors]);
    expect(content?.rows).toHaveLength(1);
  });
});

describe('dragging a threshold', () => {
  it('steps by a round number near a hundredth of the axis', () => {
    expect(thresholdStep(0, 1000)).toBe(10);
    expect(thresholdStep(0, 250)).toBe(2);
    expect(thresholdStep(0, 4)).toBe(0.05);
    expect(thresholdStep(-300, 300)).toBe(5);
    expect(thresholdStep(100, 100)).toBe(1);
  });

  it('rounds a dragged value to the step without binary noise', () => {
    expect(roundToStep(437.2, 10)).toBe(440);
    expect(roundToStep(0.1 + 0.2, 0.05)).toBe(0.3);
    expect(roundToStep(-12.26, 0.1)).toBe(-12.3);
  });

  it('draws a draggable threshold like any other: the handle is the component\'s, the line stays in the option', () => {
    const series = buildChartOption(input({ thresholds: [{ id: 't', label: 'Threshold', value: 100, draggable: true }] })).series as SeriesList;
    expect(series.find((item) => item.id === '__threshold:t')?.data).toEqual([[T0 - MINUTE, 100], [T0 + 5 * MINUTE, 100]]);
  });
});
