/**
 * The demo account the local sandbox opens with: a week of logs, 90 days of CloudTrail history and 15 months
 * of metrics (with two dashboards) from Tallybird, a small SaaS for online ordering and payments (see
 * demo/scenario.ts for the story, including yesterday's incident). Everything is derived from `now` and
 * fixed seeds: the same `now` gives the same data.
 */
import type { SeedData, SeedLogGroup, SeedRegion } from './types';
import { apiGatewayLogGroups, euApiGatewayLogGroups } from './demo/apigateway';
import { demoAlarms } from './demo/alarms';
import { auditLogGroup } from './demo/audit';
import { cloudTrailLogGroup, cloudTrailSeed } from './demo/cloudtrail';
import { demoDashboards } from './demo/dashboards';
import { demoMetrics } from './demo/metrics';
import { codeBuildLogGroups } from './demo/codebuild';
import { containerInsightsLogGroup } from './demo/container-insights';
import { ecsLogGroups } from './demo/ecs';
import { elasticBeanstalkLogGroup } from './demo/elastic-beanstalk';
import { lambdaLogGroups } from './demo/lambda-functions';
import { nginxLogGroups } from './demo/nginx';
import { rdsLogGroup } from './demo/rds';
import { route53LogGroup } from './demo/route53';
import { type Region, type Scenario, createScenario } from './demo/scenario';
import { snsLogGroups } from './demo/sns';
import { vpcFlowLogGroup } from './demo/vpc-flow-logs';
import { wafLogGroup } from './demo/waf';

export function demoSeed(options: { now: number }): SeedData {
  const s = createScenario(Math.floor(options.now));
  return {
    regions: [
      region(s, 'us-east-1', [
        ...lambdaLogGroups(s, 'us-east-1'),
        ...ecsLogGroups(s, 'us-east-1'),
        containerInsightsLogGroup(s, 'us-east-1'),
        ...nginxLogGroups(s),
        ...apiGatewayLogGroups(s),
        rdsLogGroup(s, 'us-east-1'),
        vpcFlowLogGroup(s, 'us-east-1'),
        cloudTrailLogGroup(s),
        ...codeBuildLogGroups(s),
        route53LogGroup(s),
        wafLogGroup(s),
        ...snsLogGroups(s),
        auditLogGroup(s),
        elasticBeanstalkLogGroup(s),
      ]),
      region(s, 'eu-west-1', [
        ...lambdaLogGroups(s, 'eu-west-1'),
        ...ecsLogGroups(s, 'eu-west-1'),
        containerInsightsLogGroup(s, 'eu-west-1'),
        ...euApiGatewayLogGroups(s),
        rdsLogGroup(s, 'eu-west-1'),
        vpcFlowLogGroup(s, 'eu-west-1'),
      ]),
    ],
  };
}

function region(s: Scenario, name: Region, logGroups: SeedLogGroup[]): SeedRegion {
  const metrics = demoMetrics(s, name);
  const alarms = demoAlarms(s, name, metrics);
  return {
    region: name,
    logGroups: logGroups.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    cloudTrail: cloudTrailSeed(s, name),
    // Metrics are generators over the whole 15 months; dashboards are global, so seeded once.
    metrics,
    // Alarms with their history through the incident, and the topics they notified.
    alarms: alarms.alarms,
    snsTopics: alarms.topics,
    ...(name === 'us-east-1' && { dashboards: demoDashboards(s) }),
  };
}
