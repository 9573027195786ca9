/** Loads seed log groups into a region's CloudWatch Logs store, bypassing the API (no validation, no throttling). */
import type { SeedLogGroup } from '../../seed/types';
import type { LogsStore } from './store';

export function loadLogGroups(logs: LogsStore, seeds: readonly SeedLogGroup[], now: number): void {
  const groups = logs.createGroups(
    seeds.map((seed) => ({
      name: seed.name,
      creationTime: seed.creationTime,
      ...(seed.retentionInDays === undefined ? {} : { retentionInDays: seed.retentionInDays }),
      ...(seed.logGroupClass === undefined ? {} : { logGroupClass: seed.logGroupClass }),
      ...(seed.kmsKeyId === undefined ? {} : { kmsKeyId: seed.kmsKeyId }),
    })),
  );
  seeds.forEach((seed, groupIndex) => {
    const group = groups[groupIndex];
    if (group === undefined) return;
    for (const streamSeed of seed.streams) {
      const firstTimestamp = streamSeed.events[0]?.timestamp ?? seed.creationTime;
      const stream = group.createStream(streamSeed.name, Math.max(seed.creationTime, firstTimestamp));
      const events = [...streamSeed.events].sort((a, b) => a.timestamp - b.timestamp);
      let position = 0;
      group.ingest(
        stream,
        events.map((event) => ({ ...event, size: Buffer.byteLength(event.message, 'utf8') })),
        (event) => seededIngestionTime(event, stream.serial + position++, now),
      );
    }
  });
}

/** Seeded events arrive a little (0.2–1 s, deterministic) after they happened, but never after `now`. */
export function seededIngestionTime(event: { readonly timestamp: number }, salt: number, now: number): number {
  const delay = 200 + ((salt * 7919) % 800);
  return Math.min(event.timestamp + delay, Math.max(now, event.timestamp));
}
