/**
 * The metrics of the browser as a keyboard-navigable, virtualized grid, drawn straight from the metric
 * list: 100,000 metrics cost only the rows on screen (a react-table row model of that many takes
 * seconds to build, on every page and every keystroke). It looks and behaves as DataGrid does —
 * arrow keys, Page Up/Down, Home/End, Enter or a click to add — and its columns sort.
 */
import { useCallback, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import type { MetricDescriptor } from '../../../../../shared/contract';
import type { DataGridHandle } from '../../../components/DataGrid';
import { Highlight } from '../../../components/Highlight';
import { SortableHeaderCell } from '../../../components/SortableHeaderCell';
import { VirtualGridRow } from '../../../components/VirtualGridRow';
import { useVirtualRows } from '../../../components/useVirtualRows';
import { dimensionText, metricKey, sortMetrics, type MetricSort, type MetricSortKey } from './metricCatalog';
import '../../../components/DataGrid.css';

const ROW_HEIGHT = 30;

interface Column {
  readonly key: MetricSortKey;
  readonly title: string;
  readonly width: string;
  readonly cell: (metric: MetricDescriptor, terms: readonly string[]) => ReactNode;
}

const NAMESPACE: Column = { key: 'namespace', title: 'Namespace', width: 'minmax(9rem, 14rem)', cell: (metric, terms) => <Highlight text={metric.namespace} terms={terms} /> };
const METRIC: Column = {
  key: 'metricName',
  title: 'Metric',
  width: 'minmax(10rem, 18rem)',
  cell: (metric, terms) => (
    <span className="cell-name" title={metric.metricName}>
      <Highlight text={metric.metricName} terms={terms} />
    </span>
  ),
};
const DIMENSIONS: Column = {
  key: 'dimensions',
  title: 'Dimensions',
  width: 'minmax(14rem, 1fr)',
  cell: (metric, terms) => {
    const text = dimensionText(metric);
    return text === '' ? (
      <span className="muted">No dimensions</span>
    ) : (
      <span className="mono cell-name" title={text}>
        <Highlight text={text} terms={terms} />
      </span>
    );
  },
};

interface MetricListProps {
  readonly metrics: readonly MetricDescriptor[];
  readonly showNamespace: boolean;
  readonly terms: readonly string[];
  readonly onAdd: (metric: MetricDescriptor) => void;
  readonly footer?: ReactNode;
  readonly handleRef?: Ref<DataGridHandle>;
}

export function MetricList({ metrics, showNamespace, terms, onAdd, footer, handleRef }: MetricListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [sort, setSort] = useState<MetricSort | undefined>(undefined);
  const rows = useMemo(() => (sort ? sortMetrics(metrics, sort) : metrics), [metrics, sort]);
  const columns = showNamespace ? [NAMESPACE, METRIC, DIMENSIONS] : [METRIC, DIMENSIONS];
  const getItemKey = useCallback((index: number) => (rows[index] ? metricKey(rows[index]) : index), [rows]);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  const { virtualizer, activeIndex, setActiveIndex, onNavigationKey } = useVirtualRows({ count: rows.length, scrollRef, estimateSize, getItemKey, handleRef });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (onNavigationKey(event)) return;
    const metric = rows[activeIndex];
    if (event.key === 'Enter' && metric) {
      event.preventDefault();
      onAdd(metric);
    }
  }

  const toggleSort = (key: MetricSortKey) =>
    setSort((current) => (current?.key !== key ? { key, descending: false } : current.descending ? undefined : { key, descending: true }));
  const style = { '--grid-columns': columns.map((column) => column.width).join(' ') } as CSSProperties;

  return (
    <div className="grid" role="grid" aria-label="Metrics" aria-rowcount={rows.length + 1} aria-colcount={columns.length} style={style}>
      <div className="grid-head" role="rowgroup">
        <div className="grid-row grid-header-row" role="row" aria-rowindex={1}>
          {columns.map((column) => {
            const sorted = sort?.key === column.key ? (sort.descending ? 'desc' : 'asc') : undefined;
            return (
              <SortableHeaderCell key={column.key} direction={sorted} onSort={() => toggleSort(column.key)}>
                <span>{column.title}</span>
              </SortableHeaderCell>
            );
          })}
        </div>
      </div>
      <div className="grid-scroll" ref={scrollRef} onKeyDown={onKeyDown}>
        <div className="grid-canvas" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const metric = rows[item.index];
            if (!metric) return null;
            return (
              <VirtualGridRow key={item.key} index={item.index} top={item.start} height={ROW_HEIGHT} active={item.index === activeIndex} onActivate={setActiveIndex} onOpen={() => onAdd(metric)}>
                {columns.map((column) => (
                  <div key={column.key} className="grid-cell" role="gridcell">
                    {column.cell(metric, terms)}
                  </div>
                ))}
              </VirtualGridRow>
            );
          })}
        </div>
        {footer}
      </div>
    </div>
  );
}
