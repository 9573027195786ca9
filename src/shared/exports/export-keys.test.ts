import { describe, expect, it } from 'vitest';
import { exportLine, exportObjectKey, parseExportObjectKey, taskKeyPrefix, writeTestKey } from './export-keys';

describe('export object keys', () => {
  it('lays out <prefix>/<taskId>/<stream>/<6-digit part>.gz, and the permission check at the prefix', () => {
    expect(exportObjectKey('exportedlogs', 'a1b2', 'web/i-123', 0)).toBe('exportedlogs/a1b2/web/i-123/000000.gz');
    expect(exportObjectKey('p/q', 'a1b2', 's', 12)).toBe('p/q/a1b2/s/000012.gz');
    expect(writeTestKey()).toBe('exportedlogs/aws-logs-write-test');
    expect(taskKeyPrefix('p', 't')).toBe('p/t/');
  });

  it('reads keys back, stream names with slashes included', () => {
    expect(parseExportObjectKey('p/q/a1b2/2025/01/15/[$LATEST]abc/000003.gz', 'a1b2')).toEqual({
      prefix: 'p/q',
      taskId: 'a1b2',
      logStreamName: '2025/01/15/[$LATEST]abc',
      part: 3,
    });
    expect(parseExportObjectKey('p/aws-logs-write-test', 'a1b2')).toBeUndefined();
    expect(parseExportObjectKey('p/other/s/000000.gz', 'a1b2')).toBeUndefined();
  });

  it('writes each event as its ISO-8601 time, a space and the message', () => {
    expect(exportLine(Date.UTC(2025, 0, 15, 12, 0, 0, 7), 'GET /orders 200')).toBe('2025-01-15T12:00:00.007Z GET /orders 200');
  });
});
