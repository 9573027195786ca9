/**
 * The engine against a table of queries whose expected results follow AWS's documentation of each command
 * and function (CWL_QuerySyntax-*.html, "Boolean, comparison, numeric, datetime, and other functions",
 * "Supported logs and discovered fields"), over a small hand-written account: a JSON API log, a Lambda
 * function's log, a VPC flow log and an nginx access log.
 */
import { describe, expect, it } from 'vitest';
import { LogsStore } from '../store';
import { runQuery } from './testing';

const ACCOUNT = '123456789012';
/** 2025-01-15 12:00:00 UTC. */
const BASE = Date.UTC(2025, 0, 15, 12, 0, 0);
const S = 1000;

function buildStore(): LogsStore {
  const store = new LogsStore(ACCOUNT, 'us-east-1');
  const add = (groupName: string, events: Array<[stream: string, offsetMs: number, message: string]>): void => {
    const group = store.group(groupName) ?? store.createGroup({ name: groupName, creationTime: BASE - 3600 * S });
    for (const [streamName, offset, message] of events) {
      const stream = group.stream(streamName) ?? group.createStream(streamName, BASE - 3600 * S);
      group.ingest(stream, [{ timestamp: BASE + offset, message, size: Buffer.byteLength(message) }], (event) => event.timestamp + S);
    }
  };
  add('/app/api', [
    ['api-1', 0, '{"level":"INFO","route":"/orders","status":200,"latencyMs":120,"user":{"id":"u1","name":"Ann"},"tags":["a","b"]}'],
    ['api-2', 30 * S, '{"level":"ERROR","route":"/orders","status":500,"latencyMs":950,"user":{"id":"u2","name":"Bob"},"error":"Timeout talking to db"}'],
    ['api-1', 60 * S, '{"level":"INFO","route":"/cart","status":200,"latencyMs":80,"user":{"id":"u1","name":"Ann"}}'],
    ['api-2', 90 * S, '{"level":"WARN","route":"/cart","status":429,"latencyMs":15,"user":{"id":"u3","name":"Cy"}}'],
    ['api-1', 120 * S, '{"level":"ERROR","route":"/checkout","status":503,"latencyMs":2000,"user":{"id":"u2","name":"Bob"},"error":"Upstream unavailable"}'],
    ['api-2', 300 * S, '{"level":"INFO","route":"/orders","status":201,"latencyMs":240,"user":{"id":"u4","name":"Dee"}}'],
    ['api-1', 330 * S, '{"level":"INFO","route":"/checkout","status":200,"latencyMs":400,"user":{"id":"u1","name":"Ann"}}'],
    ['api-2', 600 * S, '{"level":"DEBUG","route":"/health","status":200,"latencyMs":1}'],
  ]);
  const lambdaStream = '2025/01/15/[$LATEST]aaa';
  add('/aws/lambda/orders', [
    [lambdaStream, 10 * S, 'START RequestId: req-1 Version: $LATEST\n'],
    [lambdaStream, 11 * S, '2025-01-15T12:00:11.000Z\treq-1\tINFO\tprocessing order 42\n'],
    [lambdaStream, 12 * S, 'END RequestId: req-1\n'],
    [lambdaStream, 12 * S, 'REPORT RequestId: req-1\tDuration: 102.25 ms\tBilled Duration: 103 ms\tMemory Size: 256 MB\tMax Memory Used: 90 MB\tInit Duration: 300.50 ms\t\n'],
    [lambdaStream, 70 * S, 'START RequestId: req-2 Version: $LATEST\n'],
    [lambdaStream, 71 * S, 'END RequestId: req-2\n'],
    [lambdaStream, 71 * S, 'REPORT RequestId: req-2\tDuration: 20.75 ms\tBilled Duration: 21 ms\tMemory Size: 256 MB\tMax Memory Used: 95 MB\t\n'],
  ]);
  add('/vpc/flow', [
    ['eni-0abc-all', 0, '2 123456789012 eni-0abc 10.0.1.5 10.0.2.9 443 51000 6 10 5000 1736942400 1736942460 ACCEPT OK'],
    ['eni-0abc-all', 1 * S, '2 123456789012 eni-0abc 203.0.113.7 10.0.1.5 51515 22 6 1 40 1736942400 1736942460 REJECT OK'],
    ['eni-0abc-all', 60 * S, '2 123456789012 eni-0abc 10.0.1.5 10.0.3.3 5432 40000 6 20 12000 1736942460 1736942520 ACCEPT OK'],
  ]);
  add('/web/nginx', [
    ['access', 5 * S, '10.0.0.1 - - [15/Jan/2025:12:00:05 +0000] "GET /index.html HTTP/1.1" 200 512'],
    ['access', 65 * S, '10.0.0.2 - - [15/Jan/2025:12:01:05 +0000] "POST /login HTTP/1.1" 302 0'],
    ['access', 125 * S, '10.0.0.1 - - [15/Jan/2025:12:02:05 +0000] "GET /missing HTTP/1.1" 404 128'],
  ]);
  add('/app/text', [
    ['main', 0, '2025-01-15T12:00:00Z [ERROR] disk full'],
    ['main', 10 * S, '2025-01-15T12:00:10Z [INFO] started'],
    ['main', 20 * S, '2025-01-15T12:00:20Z [DEBUG] noise'],
  ]);
  return store;
}

const STORE = buildStore();

/** Runs a query to completion over the groups and one hour either side of BASE; rows without @ptr. */
function run(text: string, groupNames: readonly string[]): Array<Record<string, string>> {
  return runQuery(STORE, groupNames, text, { from: BASE - 3600 * S, to: BASE + 3600 * S });
}

const API = ['/app/api'];
const LAMBDA = ['/aws/lambda/orders'];
const VPC = ['/vpc/flow'];
const NGINX = ['/web/nginx'];

const at = (seconds: number): string => new Date(BASE + seconds * S).toISOString().replace('T', ' ').replace('Z', '');

interface Case {
  readonly query: string;
  readonly groups: readonly string[];
  readonly expected: ReadonlyArray<Record<string, string>>;
}

const TABLE: Readonly<Record<string, Case>> = {
  // fields, sort, limit
  'fields with sort asc and limit': { query: 'fields @timestamp, route | sort @timestamp asc | limit 2', groups: API, expected: [{ '@timestamp': at(0), route: '/orders' }, { '@timestamp': at(30), route: '/orders' }] },
  'sort desc then limit keeps the largest': {
    query: 'sort latencyMs desc | limit 3 | fields route, latencyMs',
    groups: API,
    expected: [{ route: '/checkout', latencyMs: '2000' }, { route: '/orders', latencyMs: '950' }, { route: '/checkout', latencyMs: '400' }],
  },
  'fields aliases flattened JSON, arrays by index': { query: 'fields user.name as name, tags.1 as second | filter ispresent(second)', groups: API, expected: [{ name: 'Ann', second: 'b' }] },
  'backquoted field names': { query: 'fields `user.name` as n | filter route = "/cart" | sort @timestamp | limit 1', groups: API, expected: [{ n: 'Ann' }] },
  'built-in fields @ingestionTime, @logStream, @log': {
    query: 'fields @ingestionTime, @logStream, @log | sort @timestamp desc | limit 1',
    groups: API,
    expected: [{ '@ingestionTime': at(601), '@logStream': 'api-2', '@log': `${ACCOUNT}:/app/api` }],
  },
  // filter: comparisons and boolean operators
  'filter >= on numbers': { query: 'fields route, status | filter status >= 500 | sort @timestamp', groups: API, expected: [{ route: '/orders', status: '500' }, { route: '/checkout', status: '503' }] },
  'filter = counts': { query: 'filter status = 200 | stats count(*) as n', groups: API, expected: [{ n: '4' }] },
  'filter !=': { query: 'filter status != 200 | stats count(*) as n', groups: API, expected: [{ n: '4' }] },
  'filter <': { query: 'filter latencyMs < 100 | fields route, latencyMs | sort latencyMs', groups: API, expected: [{ route: '/health', latencyMs: '1' }, { route: '/cart', latencyMs: '15' }, { route: '/cart', latencyMs: '80' }] },
  'filter <= and > with and': { query: 'filter latencyMs <= 120 and latencyMs > 15 | fields latencyMs | sort latencyMs desc', groups: API, expected: [{ latencyMs: '120' }, { latencyMs: '80' }] },
  'filter or': { query: 'filter level = "ERROR" or level = "WARN" | stats count(*) as n', groups: API, expected: [{ n: '3' }] },
  'filter not': { query: 'filter not (level = "INFO") | fields level | sort @timestamp', groups: API, expected: [{ level: 'ERROR' }, { level: 'WARN' }, { level: 'ERROR' }, { level: 'DEBUG' }] },
  'like "string" is a case-sensitive substring': { query: 'filter @message like "Timeout" | fields route', groups: API, expected: [{ route: '/orders' }] },
  'like "string" does not match another case': { query: 'filter @message like "timeout" | fields route', groups: API, expected: [] },
  'like /regex/ with (?i)': { query: 'filter @message like /(?i)timeout/ | fields route', groups: API, expected: [{ route: '/orders' }] },
  '=~ regex': { query: 'filter error =~ /^Upstream/ | fields route', groups: API, expected: [{ route: '/checkout' }] },
  'not like regex': { query: 'filter level not like /INFO|DEBUG/ | fields level | sort @timestamp', groups: API, expected: [{ level: 'ERROR' }, { level: 'WARN' }, { level: 'ERROR' }] },
  'in list': {
    query: 'filter route in ["/cart", "/health"] | fields route, status | sort @timestamp',
    groups: API,
    expected: [{ route: '/cart', status: '200' }, { route: '/cart', status: '429' }, { route: '/health', status: '200' }],
  },
  'not in list': { query: 'filter route not in ["/orders", "/cart"] | fields route | sort @timestamp', groups: API, expected: [{ route: '/checkout' }, { route: '/checkout' }, { route: '/health' }] },
  ispresent: { query: 'filter ispresent(error) | fields error | sort @timestamp', groups: API, expected: [{ error: 'Timeout talking to db' }, { error: 'Upstream unavailable' }] },
  'not ispresent of a nested field': { query: 'filter not ispresent(user.id) | fields route', groups: API, expected: [{ route: '/health' }] },
  'commands and keywords in upper case': { query: 'FIELDS route | FILTER status = 201', groups: API, expected: [{ route: '/orders' }] },
  'where is another name for filter': { query: 'where status = 429 | fields route', groups: API, expected: [{ route: '/cart' }] },
  'comments are ignored': { query: '# errors only\nfilter level = "ERROR" # server side\n| stats count(*) as n', groups: API, expected: [{ n: '2' }] },
  'filter on @logStream': { query: 'filter @logStream = "api-1" | stats count(*) as n', groups: API, expected: [{ n: '4' }] },
  // stats
  'stats count by field, sorted by count then name': {
    query: 'stats count(*) as n by route | sort n desc, route asc',
    groups: API,
    expected: [{ route: '/orders', n: '3' }, { route: '/cart', n: '2' }, { route: '/checkout', n: '2' }, { route: '/health', n: '1' }],
  },
  'sort by an unnamed aggregation': { query: 'stats count(*) by route | sort count(*) desc | limit 1', groups: API, expected: [{ route: '/orders', 'count(*)': '3' }] },
  'count(field) counts events that have it': { query: 'stats count(error) as withError, count(*) as all', groups: API, expected: [{ withError: '2', all: '8' }] },
  count_distinct: { query: 'stats count_distinct(user.id) as users', groups: API, expected: [{ users: '4' }] },
  'sum and avg': { query: 'stats sum(latencyMs) as total, avg(latencyMs) as mean', groups: API, expected: [{ total: '3806', mean: '475.75' }] },
  'min and max by field': {
    query: 'stats min(latencyMs) as low, max(latencyMs) as high by level | sort level',
    groups: API,
    expected: [
      { level: 'DEBUG', low: '1', high: '1' },
      { level: 'ERROR', low: '950', high: '2000' },
      { level: 'INFO', low: '80', high: '400' },
      { level: 'WARN', low: '15', high: '15' },
    ],
  },
  pct: { query: 'stats pct(latencyMs, 50) as p50, pct(latencyMs, 90) as p90', groups: API, expected: [{ p50: '120', p90: '2000' }] },
  'stddev, then fields over the stats row': { query: 'filter route = "/orders" | stats stddev(latencyMs) as sd | fields floor(sd * 100) / 100 as sd2', groups: API, expected: [{ sd: '448.59038479812887', sd2: '448.59' }] },
  'earliest and latest': { query: 'stats earliest(route) as first, latest(route) as last', groups: API, expected: [{ first: '/orders', last: '/health' }] },
  'stats by bin(5m)': {
    query: 'stats count(*) as n by bin(5m) | sort bin(5m)',
    groups: API,
    expected: [{ 'bin(5m)': at(0), n: '5' }, { 'bin(5m)': at(300), n: '2' }, { 'bin(5m)': at(600), n: '1' }],
  },
  'stats by bin(1h)': { query: 'stats count(*) as n by bin(1h)', groups: API, expected: [{ 'bin(1h)': at(0), n: '8' }] },
  'stats by two fields, then filter and sort on the aggregation': {
    query: 'stats avg(latencyMs) as mean by level, route | filter mean > 500 | sort mean desc',
    groups: API,
    expected: [{ level: 'ERROR', route: '/checkout', mean: '2000' }, { level: 'ERROR', route: '/orders', mean: '950' }],
  },
  'two stats commands': { query: 'stats count(*) as n by level | stats max(n) as most', groups: API, expected: [{ most: '4' }] },
  'arithmetic over aggregations': { query: 'stats sum(latencyMs) / count(*) as mean', groups: API, expected: [{ mean: '475.75' }] },
  // string, numeric and datetime functions
  'strlen, toupper, tolower': {
    query: 'fields strlen(route) as len, toupper(level) as up, tolower(level) as low | filter route = "/cart" | limit 1',
    groups: API,
    // Unsorted events come newest first: the /cart event at 90 s.
    expected: [{ len: '5', up: 'WARN', low: 'warn' }],
  },
  concat: { query: 'fields concat(level, ":", route) as key | sort @timestamp | limit 2', groups: API, expected: [{ key: 'INFO:/orders' }, { key: 'ERROR:/orders' }] },
  substr: { query: 'fields substr(route, 1, 3) as part, substr(route, 2) as rest | filter route = "/checkout" | limit 1', groups: API, expected: [{ part: 'che', rest: 'heckout' }] },
  replace: { query: 'fields replace(route, "/", "_") as r | filter route = "/orders" | limit 1', groups: API, expected: [{ r: '_orders' }] },
  'abs, ceil, floor': {
    query: 'fields abs(0 - latencyMs) as a, ceil(latencyMs / 7) as c, floor(latencyMs / 7) as f | filter route = "/cart" | sort @timestamp | limit 1',
    groups: API,
    expected: [{ a: '80', c: '12', f: '11' }],
  },
  'arithmetic operators': { query: 'fields latencyMs * 2 + 1 as x, latencyMs % 7 as m, 2 ^ 3 as p | filter route = "/health"', groups: API, expected: [{ x: '3', m: '1', p: '8' }] },
  'datefloor and dateceil': {
    query: 'fields datefloor(@timestamp, 1h) as hour, dateceil(@timestamp, 1m) as minute | filter status = 429',
    groups: API,
    expected: [{ hour: at(0), minute: at(120) }],
  },
  'toMillis and fromMillis': {
    query: 'filter route = "/health" | fields toMillis(@timestamp) as ms, fromMillis(1736942400000) as t',
    groups: API,
    expected: [{ ms: String(BASE + 600 * S), t: at(0) }],
  },
  'isempty, isblank, strcontains (1 or 0), trim': {
    query: 'fields isempty(error) as noError, isblank(concat(" ", error)) as blank, strcontains(route, "art") as cart, trim(concat("  ", level, " ")) as t | filter route = "/cart" and status = 429',
    groups: API,
    expected: [{ noError: '1', blank: '1', cart: '1', t: 'WARN' }],
  },
  coalesce: { query: 'fields coalesce(error, level) as e | sort @timestamp | limit 2', groups: API, expected: [{ e: 'INFO' }, { e: 'Timeout talking to db' }] },
  // parse, dedup, display
  'parse with a glob': {
    query: 'parse @message \'* - - [*] "* * *" * *\' as ip, time, method, path, proto, status, bytes | filter status >= 300 | display ip, method, path, status | sort @timestamp',
    groups: NGINX,
    expected: [{ ip: '10.0.0.2', method: 'POST', path: '/login', status: '302' }, { ip: '10.0.0.1', method: 'GET', path: '/missing', status: '404' }],
  },
  'parse with a regex and named groups': {
    query: 'parse @message /"(?<method>[A-Z]+) (?<path>\\S+)/ | stats count(*) as n by method | sort method',
    groups: NGINX,
    expected: [{ method: 'GET', n: '2' }, { method: 'POST', n: '1' }],
  },
  'parse keeps events it does not match, without the fields': { query: 'parse @message "no-such-marker *" as x | stats count(*) as n, count(x) as parsed', groups: NGINX, expected: [{ n: '3', parsed: '0' }] },
  'parse without a field reads @message, chained parse': {
    query: 'parse "\\"* *" as method, rest | parse rest "* HTTP*" as path, version | fields method, path | sort @timestamp | limit 1',
    groups: NGINX,
    expected: [{ method: 'GET', path: '/index.html' }],
  },
  'dedup keeps the first of each value': {
    query: 'fields route, status | sort @timestamp | dedup route',
    groups: API,
    expected: [{ route: '/orders', status: '200' }, { route: '/cart', status: '200' }, { route: '/checkout', status: '503' }, { route: '/health', status: '200' }],
  },
  'dedup after sort desc, then limit': { query: 'fields route | sort @timestamp desc | dedup route | limit 2', groups: API, expected: [{ route: '/health' }, { route: '/checkout' }] },
  'the parse page’s example, upper case, display computing a value; newest first': {
    query:
      'FIELDS @message | PARSE @message "* [*] *" as loggingTime, loggingType, loggingMessage | FILTER loggingType IN ["ERROR", "INFO"] | DISPLAY loggingMessage, concat("level:", loggingType) as level',
    groups: ['/app/text'],
    expected: [{ loggingMessage: 'started', level: 'level:INFO' }, { loggingMessage: 'disk full', level: 'level:ERROR' }],
  },
  'display shows only its fields': { query: 'fields route, level | display level | filter route = "/health"', groups: API, expected: [{ level: 'DEBUG' }] },
  // discovered fields of Lambda and VPC flow logs; several groups
  'Lambda REPORT fields': {
    query: 'filter @type = "REPORT" | stats sum(@billedDuration) as billed, max(@maxMemoryUsed / 1000 / 1000) as maxMB, avg(@duration) as d',
    groups: LAMBDA,
    expected: [{ billed: '124', maxMB: '95', d: '61.5' }],
  },
  'Lambda overprovisioned memory (AWS sample query: aggregations naming earlier ones)': {
    query:
      'filter @type = "REPORT" | stats max(@memorySize / 1000 / 1000) as provisionedMB, max(@maxMemoryUsed / 1000 / 1000) as maxUsedMB, provisionedMB - maxUsedMB as overProvisionedMB',
    groups: LAMBDA,
    expected: [{ provisionedMB: '256', maxUsedMB: '95', overProvisionedMB: '161' }],
  },
  'Lambda most expensive requests (AWS sample query: sort by)': {
    query: 'filter @type = "REPORT" | fields @requestId, @billedDuration | sort by @billedDuration desc',
    groups: LAMBDA,
    expected: [{ '@requestId': 'req-1', '@billedDuration': '103' }, { '@requestId': 'req-2', '@billedDuration': '21' }],
  },
  'Lambda @initDuration only on cold starts': {
    query: 'filter @type = "REPORT" and ispresent(@initDuration) | fields @requestId, @initDuration, @memorySize',
    groups: LAMBDA,
    expected: [{ '@requestId': 'req-1', '@initDuration': '300.5', '@memorySize': '256000000' }],
  },
  'Lambda @type of START, END and REPORT lines': {
    query: 'filter ispresent(@type) | stats count(*) as n by @type | sort @type',
    groups: LAMBDA,
    expected: [{ '@type': 'END', n: '2' }, { '@type': 'REPORT', n: '2' }, { '@type': 'START', n: '2' }],
  },
  'VPC flow log fields': { query: 'filter action = "REJECT" | fields srcAddr, dstPort, interfaceId, logStatus', groups: VPC, expected: [{ srcAddr: '203.0.113.7', dstPort: '22', interfaceId: 'eni-0abc', logStatus: 'OK' }] },
  'VPC flow log bytes by destination': {
    query: 'stats sum(bytes) as total by dstAddr | sort total desc',
    groups: VPC,
    expected: [{ dstAddr: '10.0.3.3', total: '12000' }, { dstAddr: '10.0.2.9', total: '5000' }, { dstAddr: '10.0.1.5', total: '40' }],
  },
  'VPC like on an address': { query: 'filter srcAddr like "10.0." | stats sum(packets) as p', groups: VPC, expected: [{ p: '30' }] },
  'several groups, by @log': {
    query: 'stats count(*) as n by @log | sort n desc',
    groups: [...API, ...NGINX],
    expected: [{ '@log': `${ACCOUNT}:/app/api`, n: '8' }, { '@log': `${ACCOUNT}:/web/nginx`, n: '3' }],
  },
};

describe('Logs Insights query table', () => {
  it('holds at least 40 queries', () => {
    expect(Object.keys(TABLE).length).toBeGreaterThanOrEqual(40);
  });

  for (const [name, { query, groups, expected }] of Object.entries(TABLE)) {
    it(name, () => {
      expect(run(query, groups)).toEqual(expected);
    });
  }
});
