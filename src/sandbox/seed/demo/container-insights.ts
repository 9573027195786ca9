/**
 * ECS Container Insights performance events: one JSON event per task per minute, in streams
 * named `FargateTelemetry-<n>`. Kept a single day, as the console sets it up.
 */
import type { SeedLogGroup } from '../types';
import { serviceTasks } from './ecs';
import { Random } from './random';
import { ACCOUNT_ID, type Region, type Scenario, add, historyStart, inIncident, load, logGroup, stream } from './scenario';
import { MINUTE } from './time';

const RETENTION_DAYS = 1;

export function containerInsightsLogGroup(s: Scenario, region: Region): SeedLogGroup {
  const rng = new Random(`container-insights/${region}`);
  const cluster = region === 'us-east-1' ? 'tallybird-prod' : 'tallybird-eu';
  const from = historyStart(s, RETENTION_DAYS);
  const zones = region === 'us-east-1' ? ['us-east-1a', 'us-east-1b'] : ['eu-west-1a', 'eu-west-1b'];
  const streams = [];
  const usedNumbers = new Set<number>();
  // Random four-digit suffixes, as AWS's look; drawn again on a clash, since a group's stream names are unique.
  const streamNumber = (): number => {
    let number = rng.int(1000, 9999);
    while (usedNumbers.has(number)) number = rng.int(1000, 9999);
    usedNumbers.add(number);
    return number;
  };

  for (const service of ['orders-service', 'payments-service'] as const) {
    for (const task of serviceTasks(s, region, service)) {
      if (task.stop < from || task.start >= s.now) continue;
      const st = stream(`FargateTelemetry-${streamNumber()}`);
      streams.push(st);
      const zone = rng.pick(zones);
      const memoryBase = service === 'orders-service' ? 310 : 96;
      let rx = 0;
      let tx = 0;
      for (let t = Math.ceil(Math.max(from, task.start + MINUTE) / MINUTE) * MINUTE; t < Math.min(task.stop, s.now); t += MINUTE) {
        const busy = load(t, region) * (inIncident(s, t) && region === 'us-east-1' ? 1.8 : 1);
        const cpu = (512 * (0.04 + 0.5 * busy) * rng.float(0.8, 1.2)).toFixed(4);
        const memory = Math.round(memoryBase * (1 + 0.25 * busy) + rng.int(0, 12));
        rx += Math.round(busy * rng.int(200_000, 900_000));
        tx += Math.round(busy * rng.int(400_000, 2_400_000));
        add(
          st,
          t,
          `{"Version":"0","Type":"Task","TaskId":"${task.id}","TaskDefinitionFamily":"${service}","TaskDefinitionRevision":"${task.revision}",` +
            `"ServiceName":"${service}","ClusterName":"${cluster}","AccountID":"${ACCOUNT_ID}","AvailabilityZone":"${zone}","KnownStatus":"RUNNING","LaunchType":"FARGATE",` +
            `"Timestamp":${t},"CpuUtilized":${cpu},"CpuReserved":512.0,"MemoryUtilized":${memory},"MemoryReserved":1024,` +
            `"NetworkRxBytes":${rx},"NetworkTxBytes":${tx}}`,
        );
      }
    }
  }
  return logGroup(s, { name: `/aws/ecs/containerinsights/${cluster}/performance`, retentionInDays: RETENTION_DAYS, createdDaysAgo: region === 'us-east-1' ? 300 : 180 }, streams);
}
