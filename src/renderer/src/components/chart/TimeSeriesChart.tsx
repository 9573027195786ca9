/**
 * A time-series chart: several series of [time, value | null] points as lines, stacked areas or bars,
 * on a left and an optional right Y axis. Drag across it (or press + / −) to pick a narrower or wider
 * range, which is reported through `onZoom`; the caller decides what to do with it. Arrow keys walk a
 * cursor through the points and read them out. The legend under it switches series off and on.
 */
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type Ref } from 'react';
import type { TimeZoneMode } from '../../../../shared/format';
import {
  buildChartOption,
  describePoint,
  pointTimes,
  roundToStep,
  seriesColor,
  thresholdStep,
  zoomedRange,
  type ChartAxis,
  type ChartBand,
  type ChartInterval,
  type ChartKind,
  type ChartOptionInput,
  type ChartSeries,
  type ChartTheme,
  type ChartThreshold,
  type TooltipContent,
} from './chartOption';
import { formatValueWithUnit } from './chartValues';
import { init, type EChartsType } from './echarts';
import './TimeSeriesChart.css';

export interface TimeSeriesChartHandle {
  /** The chart as a PNG data URL, with a legend and the given title drawn in (the page's legend is not part of the canvas). */
  toPngDataUrl(options?: { readonly title?: string }): string;
  focus(): void;
}

export interface TimeRangeMs {
  readonly start: number;
  readonly end: number;
}

export interface TimeSeriesChartProps {
  readonly series: readonly ChartSeries[];
  /** The x extent, epoch ms. */
  readonly range: TimeRangeMs;
  readonly kind?: ChartKind;
  readonly axes?: { readonly left?: ChartAxis; readonly right?: ChartAxis };
  readonly zone: TimeZoneMode;
  /** The accessible name, e.g. "Graph of Duration and Errors". */
  readonly label: string;
  /** A range the person picked by dragging or with + / −; without it the chart does not zoom. */
  readonly onZoom?: (range: TimeRangeMs) => void;
  /** Horizontal lines at fixed values (an alarm's threshold); always within the value axis. */
  readonly thresholds?: readonly ChartThreshold[];
  /** Shaded stretches of time behind the series (an alarm's states, a backtest's breaches). */
  readonly intervals?: readonly ChartInterval[];
  /** Filled areas between a lower and an upper series (an anomaly-detection band). */
  readonly bands?: readonly ChartBand[];
  /**
   * A draggable threshold moved to `value`: by pointer on its line, or with the arrow keys and PageUp/PageDown
   * on its handle. Without it no threshold can be moved.
   */
  readonly onThresholdDrag?: (id: string, value: number) => void;
  /** Show the legend under the chart (default true). */
  readonly legend?: boolean;
  readonly className?: string;
  readonly handleRef?: Ref<TimeSeriesChartHandle>;
}

/** A drag narrower than this is a click, not a zoom. */
const MIN_DRAG_PX = 5;
/** A press this close (px) to a draggable threshold's line grabs the line rather than starting a zoom. */
const GRAB_PX = 6;

/** Where a draggable threshold's handle sits, and the value axis it moves on. */
interface HandlePlace {
  readonly id: string;
  readonly y: number;
  readonly axisIndex: number;
  /** The value axis' extent as drawn, for the keyboard step. */
  readonly axisMin: number;
  readonly axisMax: number;
}

export function TimeSeriesChart({
  series,
  range,
  kind = 'line',
  axes,
  zone,
  label,
  thresholds,
  intervals,
  bands,
  onZoom,
  onThresholdDrag,
  legend = true,
  className,
  handleRef,
}: TimeSeriesChartProps) {
  const surfaceRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const themeVersion = useThemeVersion();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [drag, setDrag] = useState<{ readonly from: number; readonly to: number } | null>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const [handles, setHandles] = useState<readonly HandlePlace[]>([]);
  /** Bumped when the chart is resized, so the threshold handles are placed again. */
  const [resized, setResized] = useState(0);
  const [grabbed, setGrabbed] = useState<{ readonly id: string; readonly axisIndex: number } | null>(null);
  const draggable = useMemo(() => (onThresholdDrag ? (thresholds ?? []).filter((threshold) => threshold.draggable === true) : []), [thresholds, onThresholdDrag]);

  const visible = useMemo(() => series.filter((item) => !hidden.has(item.id)), [series, hidden]);
  const input = useMemo(
    () => ({ kind, series, range, axes, zone, hidden, thresholds, intervals, bands, renderTooltip: tooltipElement }),
    [kind, series, range, axes, zone, hidden, thresholds, intervals, bands],
  );
  /** The option with the theme as the CSS variables say now (read where the chart sits). */
  const optionOf = useCallback(
    (extra: Partial<ChartOptionInput> = {}) => {
      const element = surfaceRef.current;
      return element ? buildChartOption({ ...input, theme: readChartTheme(element), ...extra }) : undefined;
    },
    [input],
  );

  // Layout effects: the chart is drawn before the browser paints, never a blank frame first.
  useLayoutEffect(() => {
    const element = surfaceRef.current;
    if (!element) return;
    const chart = init(element, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    // The observer reports the size it starts with too: redraw only when it differs from what was drawn.
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.contentRect;
      if (box && (Math.abs(box.width - chart.getWidth()) >= 1 || Math.abs(box.height - chart.getHeight()) >= 1)) {
        chart.resize();
        setResized((count) => count + 1);
      }
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    const option = optionOf();
    if (option) chartRef.current?.setOption(option, { notMerge: true });
  }, [optionOf, themeVersion]);

  // The handles of draggable thresholds follow their lines: placed after every redraw and resize.
  useLayoutEffect(() => {
    const chart = chartRef.current;
    if (!chart || draggable.length === 0) {
      setHandles((current) => (current.length === 0 ? current : []));
      return;
    }
    setHandles(
      draggable.flatMap((threshold) => {
        const axisIndex = threshold.axis === 'right' ? 1 : 0;
        const y = chart.convertToPixel({ yAxisIndex: axisIndex }, threshold.value);
        const extent = valueAxisExtent(chart, axisIndex);
        return typeof y === 'number' && Number.isFinite(y) && extent ? [{ id: threshold.id, y, axisIndex, ...extent }] : [];
      }),
    );
  }, [draggable, optionOf, themeVersion, resized]);

  const valueAt = useCallback((axisIndex: number, clientY: number): number | null => {
    const chart = chartRef.current;
    const element = surfaceRef.current;
    if (!chart || !element) return null;
    const value = chart.convertFromPixel({ yAxisIndex: axisIndex }, clientY - element.getBoundingClientRect().top);
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }, []);

  /** Moves a threshold to a pointer's height, rounded to the keyboard's step so values read cleanly. */
  const dragThresholdTo = (id: string, axisIndex: number, clientY: number) => {
    const value = valueAt(axisIndex, clientY);
    const place = handles.find((handle) => handle.id === id);
    if (value === null || !place) return;
    onThresholdDrag?.(id, roundToStep(value, thresholdStep(place.axisMin, place.axisMax)));
  };

  useImperativeHandle(
    handleRef,
    () => ({
      toPngDataUrl: (options) => {
        const chart = chartRef.current;
        const element = surfaceRef.current;
        const exported = optionOf({ forExport: { title: options?.title } });
        const shown = optionOf();
        if (!chart || !element || !exported || !shown) return '';
        chart.setOption(exported, { notMerge: true });
        const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: readChartTheme(element).surface });
        chart.setOption(shown, { notMerge: true });
        return url;
      },
      focus: () => surfaceRef.current?.focus(),
    }),
    [optionOf],
  );

  const timeAt = useCallback((clientX: number): number | null => {
    const chart = chartRef.current;
    const element = surfaceRef.current;
    if (!chart || !element) return null;
    const x = clientX - element.getBoundingClientRect().left;
    const value = chart.convertFromPixel({ xAxisIndex: 0 }, x);
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }, []);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const chart = chartRef.current;
    if (!chart || event.button !== 0) return;
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left;
    const near = handles.find((handle) => Math.abs(handle.y - (event.clientY - box.top)) <= GRAB_PX);
    if (near && chart.containPixel({ gridIndex: 0 }, [x, near.y])) {
      event.currentTarget.setPointerCapture(event.pointerId);
      setGrabbed({ id: near.id, axisIndex: near.axisIndex });
      return;
    }
    if (!onZoom) return;
    if (!chart.containPixel({ gridIndex: 0 }, [x, event.clientY - box.top])) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ from: x, to: x });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (grabbed) {
      dragThresholdTo(grabbed.id, grabbed.axisIndex, event.clientY);
      return;
    }
    if (!drag) return;
    const box = event.currentTarget.getBoundingClientRect();
    setDrag({ from: drag.from, to: Math.max(0, Math.min(box.width, event.clientX - box.left)) });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (grabbed) {
      dragThresholdTo(grabbed.id, grabbed.axisIndex, event.clientY);
      setGrabbed(null);
      return;
    }
    if (!drag) return;
    setDrag(null);
    if (Math.abs(drag.to - drag.from) < MIN_DRAG_PX || !onZoom) return;
    const left = event.currentTarget.getBoundingClientRect().left;
    const a = timeAt(left + drag.from);
    const b = timeAt(left + drag.to);
    if (a === null || b === null) return;
    onZoom({ start: Math.round(Math.max(range.start, Math.min(a, b))), end: Math.round(Math.min(range.end, Math.max(a, b))) });
  };

  // The cursor's stops, worked out on the first key press rather than on every render of a large chart.
  const timesRef = useRef<{ readonly of: readonly ChartSeries[]; readonly times: readonly number[] } | null>(null);
  const cursorTimes = () => {
    if (timesRef.current?.of !== visible) timesRef.current = { of: visible, times: pointTimes(visible) };
    return timesRef.current.times;
  };
  const units = useMemo(() => ({ left: axes?.left?.unit, right: axes?.right?.unit }), [axes]);
  const moveCursor = (times: readonly number[], index: number) => {
    if (times.length === 0) return;
    const time = times[Math.max(0, Math.min(times.length - 1, index))];
    if (time === undefined) return;
    setCursor(time);
    const seriesIndex = visible.findIndex((item) => item.points.some(([at]) => at === time));
    const dataIndex = visible[seriesIndex]?.points.findIndex(([at]) => at === time) ?? -1;
    if (seriesIndex >= 0 && dataIndex >= 0) chartRef.current?.dispatchAction({ type: 'showTip', seriesIndex, dataIndex });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const times = cursorTimes();
    const current = cursor === null ? -1 : times.indexOf(cursor);
    const step = event.shiftKey ? 10 : 1;
    const handled = (() => {
      switch (event.key) {
        case 'ArrowRight':
          moveCursor(times, current < 0 ? 0 : current + step);
          return true;
        case 'ArrowLeft':
          moveCursor(times, current < 0 ? times.length - 1 : current - step);
          return true;
        case 'Home':
          moveCursor(times, 0);
          return true;
        case 'End':
          moveCursor(times, times.length - 1);
          return true;
        case '+':
        case '=':
          onZoom?.(zoomedRange(range, cursor ?? (range.start + range.end) / 2, 0.5));
          return onZoom !== undefined;
        case '-':
          onZoom?.(zoomedRange(range, cursor ?? (range.start + range.end) / 2, 2));
          return onZoom !== undefined;
        case 'Escape':
          if (cursor === null) return false;
          setCursor(null);
          chartRef.current?.dispatchAction({ type: 'hideTip' });
          return true;
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  };

  const hint = onZoom ? 'Arrow keys move through the points; + and − zoom; drag across the chart to zoom into a range.' : 'Arrow keys move through the points.';
  const toggle = (id: string) =>
    setHidden((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div className={className ? `ts-chart ${className}` : 'ts-chart'}>
      <div className="ts-chart-frame">
        <div
          ref={surfaceRef}
          className="ts-chart-surface"
          role="img"
          aria-roledescription="chart"
          aria-label={`${label}. ${hint}`}
          tabIndex={0}
          data-zoomable={onZoom ? 'true' : undefined}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setCursor(null);
            chartRef.current?.dispatchAction({ type: 'hideTip' });
          }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            setDrag(null);
            setGrabbed(null);
          }}
        />
        {handles.map((handle) => {
          const threshold = draggable.find((item) => item.id === handle.id);
          if (!threshold) return null;
          const unit = handle.axisIndex === 1 ? axes?.right?.unit : axes?.left?.unit;
          return (
            <ThresholdHandle
              key={handle.id}
              place={handle}
              label={threshold.label}
              value={threshold.value}
              valueText={formatValueWithUnit(threshold.value, unit)}
              grabbed={grabbed?.id === handle.id}
              onGrab={(pointerId, target) => {
                target.setPointerCapture(pointerId);
                setGrabbed({ id: handle.id, axisIndex: handle.axisIndex });
              }}
              onDrag={(clientY) => grabbed?.id === handle.id && dragThresholdTo(handle.id, handle.axisIndex, clientY)}
              onRelease={() => setGrabbed(null)}
              onChange={(value) => onThresholdDrag?.(handle.id, value)}
            />
          );
        })}
        {drag && Math.abs(drag.to - drag.from) >= MIN_DRAG_PX && (
          <div className="ts-chart-selection" style={{ left: Math.min(drag.from, drag.to), width: Math.abs(drag.to - drag.from) }} aria-hidden="true" />
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {cursor === null ? '' : describePoint(visible, cursor, zone, units)}
      </p>
      {legend && series.length > 0 && (
        <ul className="ts-chart-legend" aria-label={`${label}: series`}>
          {series.map((item, index) => (
            <li key={item.id}>
              <button type="button" aria-pressed={!hidden.has(item.id)} title={hidden.has(item.id) ? 'Show this series' : 'Hide this series'} onClick={() => toggle(item.id)}>
                <span className="ts-chart-swatch" style={{ background: seriesColor(item, index) }} aria-hidden="true" />
                <span className="ts-chart-legend-label">{item.label}</span>
                {item.axis === 'right' && <span className="muted"> (right)</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface ThresholdHandleProps {
  readonly place: HandlePlace;
  readonly label: string;
  readonly value: number;
  readonly valueText: string;
  readonly grabbed: boolean;
  readonly onGrab: (pointerId: number, target: HTMLElement) => void;
  readonly onDrag: (clientY: number) => void;
  readonly onRelease: () => void;
  readonly onChange: (value: number) => void;
}

/**
 * The keyboard's (and a precise pointer's) hold on a draggable threshold: a slider at the line's right end.
 * Arrow keys move it by a round step (about a hundredth of the axis), PageUp/PageDown by ten; the value is
 * its aria-valuetext, so screen readers say it as it changes.
 */
function ThresholdHandle({ place, label, value, valueText, grabbed, onGrab, onDrag, onRelease, onChange }: ThresholdHandleProps) {
  const step = thresholdStep(place.axisMin, place.axisMax);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const steps = (() => {
      switch (event.key) {
        case 'ArrowUp':
        case 'ArrowRight':
          return 1;
        case 'ArrowDown':
        case 'ArrowLeft':
          return -1;
        case 'PageUp':
          return 10;
        case 'PageDown':
          return -10;
        default:
          return 0;
      }
    })();
    if (steps === 0) return;
    event.preventDefault();
    event.stopPropagation();
    onChange(roundToStep(value + steps * step, step));
  };
  return (
    <div
      className="ts-chart-threshold-handle"
      data-grabbed={grabbed ? 'true' : undefined}
      style={{ top: place.y }}
      role="slider"
      tabIndex={0}
      aria-label={`${label}: drag, or use the arrow keys (PageUp and PageDown for bigger steps)`}
      aria-orientation="vertical"
      aria-valuenow={value}
      aria-valuemin={Math.min(place.axisMin, value)}
      aria-valuemax={Math.max(place.axisMax, value)}
      aria-valuetext={valueText}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.stopPropagation();
        onGrab(event.pointerId, event.currentTarget);
      }}
      onPointerMove={(event) => onDrag(event.clientY)}
      onPointerUp={(event) => {
        onDrag(event.clientY);
        onRelease();
      }}
      onPointerCancel={onRelease}
    >
      {valueText}
    </div>
  );
}

/** The extent of a value axis as echarts drew it (after `scale` and the thresholds widened it). */
function valueAxisExtent(chart: EChartsType, axisIndex: number): { readonly axisMin: number; readonly axisMax: number } | undefined {
  // The model's axis is not part of echarts' typed API; its scale's extent is the drawn [min, max].
  const model = (chart as unknown as { getModel(): { getComponent(type: string, index: number): { axis?: { scale: { getExtent(): [number, number] } } } | undefined } }).getModel();
  const extent = model.getComponent('yAxis', axisIndex)?.axis?.scale.getExtent();
  return extent && Number.isFinite(extent[0]) && Number.isFinite(extent[1]) ? { axisMin: extent[0], axisMax: extent[1] } : undefined;
}

/** The tooltip as DOM nodes holding text: labels are data, and the app's CSP refuses inline style attributes in HTML. */
function tooltipElement(content: TooltipContent): HTMLElement {
  const root = document.createElement('div');
  root.className = 'ts-chart-tip';
  const time = document.createElement('div');
  time.className = 'ts-chart-tip-time';
  time.textContent = content.time;
  root.append(time);
  for (const row of content.rows) {
    const line = document.createElement('div');
    line.className = 'ts-chart-tip-row';
    const name = document.createElement('span');
    name.className = 'ts-chart-tip-label';
    const swatch = document.createElement('span');
    swatch.className = 'ts-chart-swatch';
    swatch.style.background = row.color;
    name.append(swatch, row.label);
    const value = document.createElement('b');
    value.textContent = row.value;
    line.append(name, value);
    root.append(line);
  }
  if (content.more > 0) {
    const more = document.createElement('div');
    more.className = 'ts-chart-tip-time';
    more.textContent = `and ${content.more} more`;
    root.append(more);
  }
  return root;
}

/** Bumped when the OS switches between light and dark, so the chart reads its colours again. */
function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const bump = () => setVersion((current) => current + 1);
    media.addEventListener('change', bump);
    return () => media.removeEventListener('change', bump);
  }, []);
  return version;
}

function readChartTheme(element: HTMLElement): ChartTheme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--text', '#18212d'),
    textMuted: read('--text-muted', '#566273'),
    border: read('--border', '#dfe3e9'),
    gridLine: read('--border-subtle', '#eceff3'),
    surface: read('--surface', '#ffffff'),
    tooltipBackground: read('--surface-raised', '#ffffff'),
    fontFamily: read('--font-ui', 'sans-serif'),
  };
}
