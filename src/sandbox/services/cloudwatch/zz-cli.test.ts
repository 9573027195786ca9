import { execFileSync } from 'node:child_process';
import { it } from 'vitest';
import { startSandbox } from '/work/wt/metrics-sandbox/src/sandbox/index';
it('cli', async () => {
  const sb = await startSandbox({ seed: 'empty' });
  const env = { PATH: process.env.PATH!, HOME: '/tmp', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: '/nonexistent', AWS_PAGER: '' };
  const run = (cli: string, args: string[]) => { try { return execFileSync(cli, ['--endpoint-url', sb.endpoint, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }); } catch (e) { return 'ERR ' + (e as {stderr: string}).stderr; } };
  const t = new Date(Date.now() - 120000).toISOString();
  for (const cli of ['/usr/bin/aws', '/root/.pyenv/shims/aws']) {
    console.log(cli, run(cli, ['cloudwatch', 'put-metric-data', '--namespace', 'App', '--metric-data', JSON.stringify([{ MetricName: 'Latency', Dimensions: [{ Name: 'Svc', Value: 'a' }], Values: [1, 2, 3], Counts: [1, 1, 2], Timestamp: t, Unit: 'Milliseconds' }])]));
    console.log(run(cli, ['cloudwatch', 'list-metrics', '--namespace', 'App']));
    console.log(run(cli, ['cloudwatch', 'get-metric-statistics', '--namespace', 'App', '--metric-name', 'Latency', '--dimensions', 'Name=Svc,Value=a', '--start-time', new Date(Date.now() - 600000).toISOString(), '--end-time', new Date().toISOString(), '--period', '60', '--statistics', 'Sum', 'SampleCount', 'Maximum']));
    console.log(run(cli, ['cloudwatch', 'get-metric-data', '--start-time', new Date(Date.now() - 600000).toISOString(), '--end-time', new Date().toISOString(), '--metric-data-queries', JSON.stringify([{ Id: 'm1', MetricStat: { Metric: { Namespace: 'App', MetricName: 'Latency', Dimensions: [{ Name: 'Svc', Value: 'a' }] }, Period: 60, Stat: 'p50' } }, { Id: 'e1', Expression: 'm1*2' }])]));
    console.log(run(cli, ['cloudwatch', 'get-dashboard', '--dashboard-name', 'nope']));
  }
  await sb.close();
}, 60000);
