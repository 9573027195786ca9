/**
 * Queries as AWS's documentation writes them (the command pages and the sample queries), which the
 * parser must read: spelling, case and layout as published.
 */
import { describe, expect, it } from 'vitest';
import { parseInsightsQuery } from './index';

const SAMPLES = [
  'fields @timestamp, @message | sort @timestamp desc | limit 25',
  'fields @timestamp, @message, accountId as ID | sort @timestamp desc | limit 20',
  'fields @timestamp, @message, accountId # | filter accountId not like "7983124201998" | sort @timestamp desc | limit 20',
  'stats count(*) by duration as time | sort time desc',
  'stats count(*) by queryType, bin(1h)',
  'stats sum(packets) as packetsTransferred by srcAddr, dstAddr | sort packetsTransferred desc | limit 15',
  'fields @timestamp, server, severity, message | sort @timestamp desc | dedup server',
  'parse @message "user=*, method:*, latency := *" as @user, @method, @latency | stats avg(@latency) by @method, @user',
  'parse @message /user=(?<user2>.*?), method:(?<method2>.*?), latency := (?<latency2>.*?)/ | stats avg(latency2) by @method2, @user2',
  'FIELDS @message | PARSE @message "* [*] *" as loggingTime, loggingType, loggingMessage | FILTER loggingType IN ["ERROR", "INFO"] | DISPLAY loggingMessage, loggingType = "ERROR" as isError',
  'parse @message /(?<NetworkInterface>eni-.*?) / | display NetworkInterface, @message',
  "parse @message \"'fieldsA': '*', 'fieldsB': ['*']\" as fld, array",
  'parse @logStream "*/*/*/*" as env, service, instance, shard | stats count(*) by env, service',
  'parse @message "url=*" as url | parse url "/api/*/users/*" as apiVersion, userId | display apiVersion, userId',
  'filter @type = "REPORT" | stats avg(@duration), max(@duration), min(@duration) by bin(5m)',
  'filter @type = "REPORT" | fields @requestId, @billedDuration | sort by @billedDuration desc',
  'filter @type = "REPORT"\n| stats max(@memorySize / 1000 / 1000) as provisonedMemoryMB,\n  min(@maxMemoryUsed / 1000 / 1000) as smallestMemoryRequestMB,\n  avg(@maxMemoryUsed / 1000 / 1000) as avgMemoryUsedMB,\n  max(@maxMemoryUsed / 1000 / 1000) as maxMemoryUsedMB,\n  provisonedMemoryMB - maxMemoryUsedMB as overProvisionedMB',
  "filter @type = \"REPORT\" and @logStream like '[5]' | stats count(*) as count, avg(@initDuration) by bin(10m)",
  'filter @message like /(?i)(Exception|error|fail)/ | fields @timestamp, @message | sort @timestamp desc | limit 50',
  'filter action="REJECT" | stats count(*) as numRejections by srcAddr | sort numRejections desc | limit 20',
  'stats sum(bytes) as bytesTransferred by srcAddr, dstAddr | sort bytesTransferred desc | limit 10',
  'filter srcPort > 1024 and dstPort > 1024 | stats count(*) by bin(1h)',
  'fields @timestamp, @message | filter @message like /Exception/ | stats count(*) as exceptionCount by bin(1h) | sort exceptionCount desc',
  'fields @message | limit any 1',
  'fields @timestamp, @message\n| where @message like /error/',
];

describe('AWS documentation sample queries', () => {
  for (const query of SAMPLES) {
    it(query.replace(/\s+/g, ' '), () => {
      const result = parseInsightsQuery(query);
      expect(result.ok ? 'ok' : result.error).toBe('ok');
    });
  }
});
