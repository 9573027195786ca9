/**
 * The account's multi-region trail, delivered to CloudWatch Logs: one JSON record per event, one
 * stream per region (`<account>_CloudTrail_<region>`). Mostly machines (credential refreshes, KMS,
 * Secrets Manager), people browsing the console on weekdays, CI deployments, and the on-call
 * engineer's rollback during the incident.
 */
import type { SeedLogGroup } from '../types';
import { type ServiceName, deployments } from './ecs';
import { Random } from './random';
import { ACCOUNT_ID, type Region, type Scenario, type StreamBuilder, add, arrivals, historyStart, load, logGroup, sortEvents, stream } from './scenario';
import { DAY, HOUR, MINUTE, MONTHS, SECOND, isoSeconds, pad2 } from './time';

const RETENTION_DAYS = 90;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

type Identity = Readonly<Record<string, unknown>>;
type Fields = Readonly<Record<string, unknown>>;

interface Person {
  readonly name: string;
  readonly permissionSet: string;
  readonly ip: string;
}

const ONCALL: Person = { name: 'priya.natarajan', permissionSet: 'AdministratorAccess_3f8a1c2b9d4e5f60', ip: '71.184.22.130' };
const PEOPLE: readonly Person[] = [
  ONCALL,
  { name: 'dan.okafor', permissionSet: 'PowerUserAccess_9b2e7d41c0a6f318', ip: '98.207.81.4' },
  { name: 'lena.schmidt', permissionSet: 'PowerUserAccess_9b2e7d41c0a6f318', ip: '84.152.107.33' },
  { name: 'marco.bianchi', permissionSet: 'ReadOnlyAccess_5c7a0e9f2d1b4386', ip: '73.92.160.215' },
];

const CONSOLE_AGENT = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const CI_AGENT = 'aws-sdk-js/3.699.0 ua/2.1 os/linux#6.5.0-1025-azure lang/js md/nodejs#20.18.1 api/ecs#3.699.0 m/N,E';
const SDK_AGENT = 'aws-sdk-go-v2/1.32.6 os/linux lang/go#1.23.4 md/GOOS#linux';

type Call = readonly [source: string, name: string, requestParameters: Fields | null];

const DESCRIBE_LOG_GROUPS: Call = ['logs.amazonaws.com', 'DescribeLogGroups', { limit: 50 }];
const FILTER_ERRORS: Call = ['logs.amazonaws.com', 'FilterLogEvents', { logGroupName: '/ecs/orders-service', filterPattern: '{ $.level = "error" }', limit: 100 }];
const INSIGHTS_QUERY: Call = ['logs.amazonaws.com', 'StartQuery', { logGroupNames: ['/ecs/orders-service'], queryString: 'fields @timestamp, msg, statusCode | filter level = "error" | sort @timestamp desc | limit 50' }];
const DESCRIBE_ALARMS: Call = ['monitoring.amazonaws.com', 'DescribeAlarms', { maxRecords: 100 }];
const DESCRIBE_SERVICES: Call = ['ecs.amazonaws.com', 'DescribeServices', { cluster: 'tallybird-prod', services: ['orders-service', 'payments-service'] }];
const DESCRIBE_CLUSTERS: Call = ['rds.amazonaws.com', 'DescribeDBClusters', null];
const CONSOLE_READS: readonly Call[] = [
  DESCRIBE_LOG_GROUPS,
  FILTER_ERRORS,
  INSIGHTS_QUERY,
  DESCRIBE_ALARMS,
  ['monitoring.amazonaws.com', 'GetMetricData', null],
  DESCRIBE_SERVICES,
  ['lambda.amazonaws.com', 'ListFunctions20150331', { maxItems: 50 }],
  ['s3.amazonaws.com', 'ListBuckets', { Host: 's3.us-east-1.amazonaws.com' }],
  DESCRIBE_CLUSTERS,
];

const READ_ONLY = /^(Describe|Get|List|Filter|Decrypt|GenerateDataKey|AssumeRole|StartQuery)/;

/** STS writes credential expirations like `Nov 18, 2026, 4:46:17 AM`. */
function expiration(ms: number): string {
  const d = new Date(ms);
  const hour = d.getUTCHours();
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${hour % 12 || 12}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** A role's id never changes, so derive it from the name. */
function roleId(role: string): string {
  return `AROA${new Random(`role/${role}`).alnum(17, BASE32)}`;
}

export function cloudTrailLogGroup(s: Scenario): SeedLogGroup {
  const rng = new Random('cloudtrail');
  const from = historyStart(s, RETENTION_DAYS);
  const streams: Record<Region, StreamBuilder> = {
    'us-east-1': stream(`${ACCOUNT_ID}_CloudTrail_us-east-1`),
    'eu-west-1': stream(`${ACCOUNT_ID}_CloudTrail_eu-west-1`),
  };

  const record = (t: number, region: Region, identity: Identity, [source, name, requestParameters]: Call, fields: Fields = {}): void => {
    if (t < from || t >= s.now) return;
    const byService = identity['type'] === 'AWSService';
    const body = {
      eventVersion: '1.10',
      userIdentity: identity,
      eventTime: isoSeconds(t),
      eventSource: source,
      eventName: name,
      awsRegion: region,
      sourceIPAddress: byService ? identity['invokedBy'] : '34.229.18.77',
      userAgent: byService ? identity['invokedBy'] : SDK_AGENT,
      requestParameters,
      responseElements: null,
      ...fields,
      requestID: rng.uuid(),
      eventID: rng.uuid(),
      readOnly: READ_ONLY.test(name),
      eventType: name === 'ConsoleLogin' ? 'AwsConsoleSignIn' : 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: ACCOUNT_ID,
      eventCategory: 'Management',
    };
    add(streams[region], t, JSON.stringify(body));
  };

  const service = (invokedBy: string): Identity => ({ type: 'AWSService', invokedBy });
  const assumedRole = (t: number, role: string, session: string, path = ''): Identity => ({
    type: 'AssumedRole',
    principalId: `${roleId(role)}:${session}`,
    arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${role}/${session}`,
    accountId: ACCOUNT_ID,
    accessKeyId: `ASIA${rng.alnum(16, BASE32)}`,
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: roleId(role), arn: `arn:aws:iam::${ACCOUNT_ID}:role/${path}${role}`, accountId: ACCOUNT_ID, userName: role },
      attributes: { creationDate: isoSeconds(t - rng.int(1, 50) * MINUTE), mfaAuthenticated: 'false' },
    },
  });
  const person = (t: number, p: Person) => assumedRole(t, `AWSReservedSSO_${p.permissionSet}`, p.name, 'aws-reserved/sso.amazonaws.com/');
  const consoleFields = (p: Person, region: Region, source: string): Fields => ({
    sourceIPAddress: p.ip,
    userAgent: CONSOLE_AGENT,
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: source.replace('.amazonaws.com', `.${region}.amazonaws.com`) },
    sessionCredentialFromConsole: 'true',
  });
  const signIn = (t: number, p: Person) => {
    const role = `AWSReservedSSO_${p.permissionSet}`;
    const identity = { type: 'AssumedRole', principalId: `${roleId(role)}:${p.name}`, arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${role}/${p.name}`, accountId: ACCOUNT_ID };
    record(t, 'us-east-1', identity, ['signin.amazonaws.com', 'ConsoleLogin', null], {
      sourceIPAddress: p.ip,
      userAgent: CONSOLE_AGENT,
      responseElements: { ConsoleLogin: 'Success' },
      additionalEventData: { MobileVersion: 'No', MFAUsed: 'No' },
    });
  };
  const consoleCall = (t: number, p: Person, region: Region, call: Call, fields: Fields = {}) =>
    record(t, region, person(t, p), call, { ...consoleFields(p, region, call[0]), ...fields });

  // Machines, all day: credential refreshes, secrets, KMS for the encrypted log group.
  for (const region of ['us-east-1', 'eu-west-1'] as const) {
    const us = region === 'us-east-1';
    const lambdaRoles = us
      ? ['tallybird-prod-orders-api-role', 'tallybird-prod-payments-webhook-role', 'tallybird-prod-fulfillment-worker-role', 'tallybird-prod-email-role']
      : ['tallybird-eu-fulfillment-worker-role', 'tallybird-eu-email-role'];
    const keyArn = `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${us ? '7c1e5b2a-94d3-4f0e-b8a6-2d5c9e13f470' : 'c4a0e8d1-3b6f-47a2-9e15-80f2d7b3c6a9'}`;
    for (const t of arrivals(rng, from, s.now, (t) => (us ? 14 : 6) * (0.4 + load(t, region)))) {
      const kind = rng.weighted([['lambda', 5], ['ecs', 3], ['kms', 4], ['secret', 2]]);
      if (kind === 'lambda' || kind === 'ecs') {
        const role = kind === 'lambda' ? rng.pick(lambdaRoles) : rng.pick(['orders-service-task-role', 'payments-service-task-role']);
        const session = kind === 'lambda' ? role.replace(/-role$/, '') : rng.hex(32);
        record(t, region, service(kind === 'lambda' ? 'lambda.amazonaws.com' : 'ecs-tasks.amazonaws.com'), ['sts.amazonaws.com', 'AssumeRole', { roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/${role}`, roleSessionName: session }], {
          responseElements: {
            credentials: { accessKeyId: `ASIA${rng.alnum(16, BASE32)}`, sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD...', expiration: expiration(t + 6 * HOUR) },
            assumedRoleUser: { assumedRoleId: `${roleId(role)}:${session}`, arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${role}/${session}` },
          },
          sharedEventID: rng.uuid(),
        });
      } else if (kind === 'kms') {
        record(t, region, service('logs.amazonaws.com'), ['kms.amazonaws.com', rng.chance(0.7) ? 'GenerateDataKey' : 'Decrypt', {
          keyId: keyArn,
          encryptionContext: { 'aws:logs:arn': `arn:aws:logs:${region}:${ACCOUNT_ID}:log-group:/ecs/payments-service` },
          encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
        }], { resources: [{ accountId: ACCOUNT_ID, type: 'AWS::KMS::Key', ARN: keyArn }] });
      } else {
        const app = rng.pick(['orders-service', 'payments-service']);
        const secretId = `arn:aws:secretsmanager:${region}:${ACCOUNT_ID}:secret:${us ? 'prod' : 'eu'}/${app}/database-${new Random(`secret/${region}/${app}`).alnum(6)}`;
        record(t, region, assumedRole(t, `${app}-task-role`, rng.hex(32)), ['secretsmanager.amazonaws.com', 'GetSecretValue', { secretId }]);
      }
    }
  }

  // People: a console visit on most weekdays, a handful of reads each.
  for (let day = Math.floor(from / DAY); day * DAY < s.now; day++) {
    const weekday = (day + 4) % 7;
    if (weekday === 0 || weekday === 6) continue;
    for (const p of PEOPLE) {
      if (rng.chance(0.35)) continue;
      const inEurope = p.name === 'lena.schmidt';
      let t = day * DAY + (inEurope ? 8 : 14) * HOUR + rng.int(0, 240) * MINUTE;
      signIn(t, p);
      for (let i = rng.int(3, 12); i > 0; i--) {
        t += rng.int(5, 300) * SECOND;
        consoleCall(t, p, inEurope && rng.chance(0.6) ? 'eu-west-1' : 'us-east-1', rng.pick(CONSOLE_READS));
      }
      if (p.permissionSet.startsWith('ReadOnly') && rng.chance(0.3)) {
        const group = '/aws/lambda/tallybird-prod-orders-api';
        consoleCall(t + rng.int(30, 200) * SECOND, p, 'us-east-1', ['logs.amazonaws.com', 'PutRetentionPolicy', { logGroupName: group, retentionInDays: 30 }], {
          errorCode: 'AccessDenied',
          errorMessage: `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/AWSReservedSSO_${p.permissionSet}/${p.name} is not authorized to perform: logs:PutRetentionPolicy on resource: arn:aws:logs:us-east-1:${ACCOUNT_ID}:log-group:${group}:* because no identity-based policy allows the logs:PutRetentionPolicy action`,
        });
      }
    }
  }

  // The incident: the on-call engineer signs in, looks around, rolls orders-service back.
  let t = s.incident.start + 8 * MINUTE;
  signIn(t, ONCALL);
  for (const call of [DESCRIBE_ALARMS, FILTER_ERRORS, FILTER_ERRORS, INSIGHTS_QUERY, DESCRIBE_SERVICES, DESCRIBE_CLUSTERS, DESCRIBE_SERVICES]) {
    t += rng.int(20, 70) * SECOND;
    consoleCall(t, ONCALL, 'us-east-1', call);
  }

  // ECS rollouts: CI registers a task definition and updates the service; the rollback is by hand.
  for (const region of ['us-east-1', 'eu-west-1'] as const) {
    for (const svc of ['orders-service', 'payments-service'] as const satisfies readonly ServiceName[]) {
      const cluster = region === 'us-east-1' ? 'tallybird-prod' : 'tallybird-eu';
      for (const { at, revision } of deployments(s, region, svc)) {
        const taskDefinitionArn = `arn:aws:ecs:${region}:${ACCOUNT_ID}:task-definition/${svc}:${revision}`;
        const update: Call = ['ecs.amazonaws.com', 'UpdateService', { cluster, service: svc, taskDefinition: `${svc}:${revision}`, forceNewDeployment: false }];
        const response = { responseElements: { service: { serviceName: svc, clusterArn: `arn:aws:ecs:${region}:${ACCOUNT_ID}:cluster/${cluster}`, taskDefinition: taskDefinitionArn, deployments: [{ id: `ecs-svc/${rng.int(1e15, 9e15)}`, status: 'PRIMARY', rolloutState: 'IN_PROGRESS' }] } } };
        if (at === s.incident.rollbackAt) {
          consoleCall(at, ONCALL, region, update, response);
          continue;
        }
        const ci = assumedRole(at, 'github-actions-deploy', `GitHubActions-${rng.int(1_000_000_000, 9_999_999_999)}`);
        const fields = { sourceIPAddress: '20.42.115.38', userAgent: CI_AGENT };
        record(at - 40 * SECOND, region, ci, ['ecs.amazonaws.com', 'RegisterTaskDefinition', { family: svc, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '512', memory: '1024' }], {
          ...fields,
          responseElements: { taskDefinition: { taskDefinitionArn, revision } },
        });
        record(at, region, ci, update, { ...fields, ...response });
      }
    }
  }

  const all = Object.values(streams);
  sortEvents(all);
  return logGroup(s, { name: `aws-cloudtrail-logs-${ACCOUNT_ID}-6f1c2d9e`, retentionInDays: RETENTION_DAYS, createdDaysAgo: 640 }, all);
}
