/**
 * The parts of echarts the time-series chart uses, registered once through `echarts/core` so the
 * bundle carries only these (the full `echarts` import would add every chart type and map).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use as register } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

register([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, MarkAreaComponent, CanvasRenderer]);

export { init };
export type { EChartsType } from 'echarts/core';
