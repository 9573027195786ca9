import { describe, expect, it } from 'vitest';
import { logGroupConsoleUrl, logSearchConsoleUrl, logStreamConsoleUrl } from './console-links';
import { lastDuration } from './time-range';

const HOME = 'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/';

describe('console links', () => {
  it('escapes names twice with $ for %, as the console does', () => {
    expect(logGroupConsoleUrl('eu-west-1', '/aws/lambda/orders-api')).toBe(`${HOME}$252Faws$252Flambda$252Forders-api`);
    expect(logStreamConsoleUrl('eu-west-1', '/ecs/web', '2026/11/30/[$LATEST]0a1b')).toBe(
      `${HOME}$252Fecs$252Fweb/log-events/2026$252F11$252F30$252F$255B$2524LATEST$255D0a1b`,
    );
  });

  it('carries a search’s pattern and range in the console’s own query string', () => {
    const url = logSearchConsoleUrl('eu-west-1', '/my/group', '[ip, user, status_code = 5*, bytes]', lastDuration(172_800_000));
    expect(url).toBe(
      `${HOME}$252Fmy$252Fgroup/log-events$3FfilterPattern$3D$255Bip$252C$2Buser$252C$2Bstatus_code$2B$253D$2B5*$252C$2Bbytes$255D$26start$3D-172800000`,
    );
    expect(logSearchConsoleUrl('eu-west-1', 'g', '', { kind: 'absolute', start: 1000, end: 2000 })).toBe(
      `${HOME}g/log-events$3Fstart$3D1000$26end$3D2000`,
    );
  });

  it('stays on AWS hosts whatever the names hold', () => {
    const url = new URL(logGroupConsoleUrl('us-east-1', '../evil#x'));
    expect(url.hostname).toBe('us-east-1.console.aws.amazon.com');
    expect(url.hash).toBe('#logsV2:log-groups/log-group/..$252Fevil$2523x');
  });
});
