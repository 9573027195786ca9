/**
 * The demo account's CloudWatch dashboards: the production overview the on-call engineer opens first, and
 * the orders API's latency board. Bodies in CloudWatch's dashboard body syntax, as the console writes them.
 */
import type { SeedDashboard } from '../types';
import type { Scenario } from './scenario';
import { DAY } from './time';

const ORDERS_API = 'tallybird-prod-orders-api';

function dashboard(name: string, lastModified: number, body: object): SeedDashboard {
  return { name, lastModified, body: JSON.stringify(body) };
}

export function demoDashboards(s: Scenario): SeedDashboard[] {
  return [
    dashboard('Tallybird-Production-Overview', s.now - 9 * DAY, {
      start: '-PT6H',
      periodOverride: 'inherit',
      widgets: [
        {
          type: 'text',
          x: 0,
          y: 0,
          width: 24,
          height: 2,
          properties: { markdown: '## Tallybird production\nOrders API, payments and the Aurora writer. Runbook: wiki/oncall/orders.' },
        },
        {
          type: 'metric',
          x: 0,
          y: 2,
          width: 12,
          height: 6,
          properties: {
            title: 'Orders API: invocations and errors',
            region: 'us-east-1',
            view: 'timeSeries',
            stat: 'Sum',
            period: 60,
            metrics: [
              ['AWS/Lambda', 'Invocations', 'FunctionName', ORDERS_API],
              ['.', 'Errors', '.', '.', { yAxis: 'right', color: '#d62728' }],
            ],
          },
        },
        {
          type: 'metric',
          x: 12,
          y: 2,
          width: 12,
          height: 6,
          properties: {
            title: 'Aurora writer connections',
            region: 'us-east-1',
            view: 'timeSeries',
            stat: 'Maximum',
            period: 60,
            metrics: [['AWS/RDS', 'DatabaseConnections', 'DBInstanceIdentifier', 'tallybird-prod-instance-1']],
            annotations: { horizontal: [{ label: 'max_connections', value: 405 }] },
          },
        },
        {
          type: 'metric',
          x: 0,
          y: 8,
          width: 12,
          height: 6,
          properties: {
            title: 'Public API 5xx rate',
            region: 'us-east-1',
            view: 'timeSeries',
            period: 60,
            metrics: [
              ['AWS/ApiGateway', '5XXError', 'ApiName', 'tallybird-public-api', 'Stage', 'prod', { id: 'errors', stat: 'Sum', visible: false }],
              ['.', 'Count', '.', '.', '.', '.', { id: 'requests', stat: 'Sum', visible: false }],
              [{ expression: '100 * errors / requests', label: '5xx %', id: 'rate' }],
            ],
          },
        },
        {
          type: 'metric',
          x: 12,
          y: 8,
          width: 12,
          height: 6,
          properties: {
            title: 'Orders placed and payment failures',
            region: 'us-east-1',
            view: 'timeSeries',
            stat: 'Sum',
            period: 300,
            metrics: [
              ['Tallybird/Business', 'OrdersPlaced', 'Environment', 'prod'],
              ['.', 'PaymentFailures', '.', '.', { yAxis: 'right' }],
            ],
          },
        },
        {
          type: 'alarm',
          x: 0,
          y: 14,
          width: 24,
          height: 3,
          properties: { title: 'Alarms', alarms: [`arn:aws:cloudwatch:us-east-1:318264950271:alarm:orders-api-errors`] },
        },
      ],
    }),
    dashboard('Tallybird-Orders-API-Latency', s.now - 31 * DAY, {
      widgets: [
        {
          type: 'metric',
          x: 0,
          y: 0,
          width: 24,
          height: 8,
          properties: {
            title: 'Orders API duration',
            region: 'us-east-1',
            view: 'timeSeries',
            period: 60,
            metrics: [
              ['AWS/Lambda', 'Duration', 'FunctionName', ORDERS_API, { stat: 'p50', label: 'p50' }],
              ['...', { stat: 'p90', label: 'p90' }],
              ['...', { stat: 'p99', label: 'p99' }],
            ],
            yAxis: { left: { label: 'ms', showUnits: false } },
          },
        },
        {
          type: 'metric',
          x: 0,
          y: 8,
          width: 12,
          height: 6,
          properties: {
            title: 'Concurrency and throttles',
            region: 'us-east-1',
            view: 'timeSeries',
            period: 60,
            metrics: [
              ['AWS/Lambda', 'ConcurrentExecutions', 'FunctionName', ORDERS_API, { stat: 'Maximum' }],
              ['.', 'Throttles', '.', '.', { stat: 'Sum', yAxis: 'right' }],
            ],
          },
        },
      ],
    }),
  ];
}
