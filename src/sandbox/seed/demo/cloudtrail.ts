/**
 * The account's CloudTrail history over the 90 days event history keeps, told once and used twice:
 * LookupEvents serves all of it (each region its own events), and the multi-region trail delivers the
 * last week of it to CloudWatch Logs, one JSON record per event and one stream per region
 * (`<account>_CloudTrail_<region>`).
 *
 * Mostly machines (credential refreshes, KMS, Secrets Manager, a legacy IAM user exporting metrics),
 * people signing in to the console on weekdays, CI deployments through GitHub's OIDC provider, the
 * occasional IAM and security-group change, the root user now and then, a vendor's federated user, a
 * denied call — and the incident: CI rolls out orders-service 2.14.0 (the release dan.okafor started),
 * the on-call engineer signs in, looks around and rolls it back by hand.
 */
import type { SeedCloudTrail, SeedLogGroup, SeedTrail, SeedTrailEvent } from '../types';
import { type ServiceName, deployments } from './ecs';
import { Random } from './random';
import { ACCOUNT_ID, type Region, type Scenario, add, arrivals, historyStart, load, logGroup, stream } from './scenario';
import { DAY, HOUR, MINUTE, MONTHS, SECOND, WEEK, isoSeconds, pad2 } from './time';

/** How far back LookupEvents reaches. */
export const EVENT_HISTORY_DAYS = 90;
const LOG_GROUP_RETENTION_DAYS = 90;
const LOG_GROUP_NAME = `aws-cloudtrail-logs-${ACCOUNT_ID}-6f1c2d9e`;
const TRAIL_NAME = 'tallybird-management-events';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

type Identity = Readonly<Record<string, unknown>>;
type Fields = Readonly<Record<string, unknown>>;
type Resource = SeedTrailEvent['resources'][number];

interface Person {
  readonly name: string;
  readonly permissionSet: string;
  readonly ip: string;
}

const ONCALL: Person = { name: 'priya.natarajan', permissionSet: 'AdministratorAccess_3f8a1c2b9d4e5f60', ip: '71.184.22.130' };
const RELEASER: Person = { name: 'dan.okafor', permissionSet: 'PowerUserAccess_9b2e7d41c0a6f318', ip: '98.207.81.4' };
const LENA: Person = { name: 'lena.schmidt', permissionSet: 'PowerUserAccess_9b2e7d41c0a6f318', ip: '84.152.107.33' };
const PEOPLE: readonly Person[] = [ONCALL, RELEASER, LENA, { name: 'marco.bianchi', permissionSet: 'ReadOnlyAccess_5c7a0e9f2d1b4386', ip: '73.92.160.215' }];

const CONSOLE_AGENT = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const CI_AGENT = 'aws-sdk-js/3.699.0 ua/2.1 os/linux#6.5.0-1025-azure lang/js md/nodejs#20.18.1 api/ecs#3.699.0 m/N,E';
const SDK_AGENT = 'aws-sdk-go-v2/1.32.6 os/linux lang/go#1.23.4 md/GOOS#linux';
const EXPORTER_AGENT = 'Boto3/1.35.76 md/Botocore#1.35.76 ua/2.0 os/linux#5.10.228-219.884.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.8 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.76';
const GITHUB_OIDC = `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/token.actions.githubusercontent.com`;
const CI_IP = '20.42.115.38';

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

const READ_ONLY = /^(Describe|Get|List|Filter|Decrypt|GenerateDataKey|AssumeRole|StartQuery|Lookup)/;

/** STS writes credential expirations like `Nov 18, 2026, 4:46:17 AM`. */
function expiration(ms: number): string {
  const d = new Date(ms);
  const hour = d.getUTCHours();
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${hour % 12 || 12}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** A role's (or user's) id never changes, so derive it from the name. */
function principalId(prefix: 'AROA' | 'AIDA', name: string): string {
  return `${prefix}${new Random(`${prefix === 'AROA' ? 'role' : 'user'}/${name}`).alnum(17, BASE32)}`;
}

const roleArn = (role: string, path = ''): string => `arn:aws:iam::${ACCOUNT_ID}:role/${path}${role}`;

function logGroupResource(name: string): Resource {
  return { type: 'AWS::Logs::LogGroup', name };
}

/** The trail's history in each region, oldest first. */
export type CloudTrailHistory = Readonly<Record<Region, readonly SeedTrailEvent[]>>;

const histories = new WeakMap<Scenario, CloudTrailHistory>();

/** The scenario's 90 days of CloudTrail history, made on first use (once per scenario). */
export function cloudTrailHistory(s: Scenario): CloudTrailHistory {
  let history = histories.get(s);
  if (history === undefined) {
    history = generateHistory(s, s.now - EVENT_HISTORY_DAYS * DAY + 5 * MINUTE);
    histories.set(s, history);
  }
  return history;
}

/** What the sandbox's CloudTrail serves in a region: its history, and the multi-region trail (a shadow trail outside us-east-1). */
export function cloudTrailSeed(s: Scenario, region: Region): SeedCloudTrail {
  return { events: () => cloudTrailHistory(s)[region], trails: [trail(s)] };
}

function trail(s: Scenario): SeedTrail {
  return {
    name: TRAIL_NAME,
    homeRegion: 'us-east-1',
    s3BucketName: `aws-cloudtrail-logs-${ACCOUNT_ID}-6f1c2d9e`,
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    logFileValidationEnabled: true,
    cloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT_ID}:log-group:${LOG_GROUP_NAME}:*`,
    cloudWatchLogsRoleArn: roleArn('CloudTrailRoleForCloudWatchLogs_tallybird'),
    kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/2b8e6f14-0c7d-4a39-9e52-d1f0a7c3b864`,
    startLoggingTime: s.now - 640 * DAY,
  };
}

/** The last week of the history, as the trail delivers it to CloudWatch Logs. */
export function cloudTrailLogGroup(s: Scenario): SeedLogGroup {
  // Only the week the group holds: the whole history is made when LookupEvents first needs it.
  const history = generateHistory(s, historyStart(s, LOG_GROUP_RETENTION_DAYS));
  const streams = (['us-east-1', 'eu-west-1'] as const).map((region) => {
    const st = stream(`${ACCOUNT_ID}_CloudTrail_${region}`);
    for (const event of history[region]) add(st, event.time, JSON.stringify(event.record));
    return st;
  });
  return logGroup(s, { name: LOG_GROUP_NAME, retentionInDays: LOG_GROUP_RETENTION_DAYS, createdDaysAgo: 640 }, streams);
}

/**
 * The history from `from` to now. Each day's routine comes from its own random sequence and the story's
 * events from another, so any stretch of days comes out the same whether made alone or with the rest.
 */
function generateHistory(s: Scenario, from: number): CloudTrailHistory {
  const events: Record<Region, SeedTrailEvent[]> = { 'us-east-1': [], 'eu-west-1': [] };
  // Days are counted from the week of `now`, so moving `now` by whole weeks moves the data without changing it.
  const week = Math.floor(s.now / WEEK) * 7;
  for (let day = Math.floor(from / DAY); day * DAY < s.now; day++) {
    routineDay(new Random(`cloudtrail/${day - week}`), events, day * DAY, { from, to: s.now });
  }
  story(s, new Random('cloudtrail/story'), events, { from, to: s.now });
  for (const list of Object.values(events)) list.sort((a, b) => a.time - b.time);
  return events;
}

interface Window {
  readonly from: number;
  readonly to: number;
}

/** Ways to add an event to `events`, each taking its random details from `rng`; events outside the window are dropped. */
function recorders(rng: Random, events: Record<Region, SeedTrailEvent[]>, { from, to }: Window) {
  const record = (at: number, region: Region, identity: Identity, [source, name, requestParameters]: Call, fields: Fields = {}, resources: readonly Resource[] = []): void => {
    const t = Math.floor(at / SECOND) * SECOND;
    if (t < from || t >= to) return;
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
    events[region].push({ time: t, record: body, resources });
  };

  const service = (invokedBy: string): Identity => ({ type: 'AWSService', invokedBy });
  const accessKey = (): string => `ASIA${rng.alnum(16, BASE32)}`;
  const assumedRole = (t: number, role: string, session: string, path = '', context: Fields = {}): Identity => ({
    type: 'AssumedRole',
    principalId: `${principalId('AROA', role)}:${session}`,
    arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${role}/${session}`,
    accountId: ACCOUNT_ID,
    accessKeyId: accessKey(),
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: principalId('AROA', role), arn: roleArn(role, path), accountId: ACCOUNT_ID, userName: role },
      attributes: { creationDate: isoSeconds(t - rng.int(1, 50) * MINUTE), mfaAuthenticated: 'false' },
      ...context,
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
    const identity = { type: 'AssumedRole', principalId: `${principalId('AROA', role)}:${p.name}`, arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${role}/${p.name}`, accountId: ACCOUNT_ID };
    record(t, 'us-east-1', identity, ['signin.amazonaws.com', 'ConsoleLogin', null], {
      sourceIPAddress: p.ip,
      userAgent: CONSOLE_AGENT,
      responseElements: { ConsoleLogin: 'Success' },
      additionalEventData: { MobileVersion: 'No', MFAUsed: 'No' },
    });
  };
  const consoleCall = (t: number, p: Person, region: Region, call: Call, fields: Fields = {}, resources: readonly Resource[] = []) =>
    record(t, region, person(t, p), call, { ...consoleFields(p, region, call[0]), ...fields }, resources);
  return { record, service, accessKey, assumedRole, consoleCall, signIn };
}

type Recorders = ReturnType<typeof recorders>;

/**
 * A day's routine in both regions: machines around the clock, the metrics exporter, people on weekdays.
 * The whole day is made, and what falls outside the window dropped, so a day always comes out the same.
 */
function routineDay(rng: Random, events: Record<Region, SeedTrailEvent[]>, dayStart: number, window: Window): void {
  const { record, service, accessKey, assumedRole, consoleCall, signIn } = recorders(rng, events, window);
  const from = dayStart;
  const to = dayStart + DAY;

  // Machines, all day: credential refreshes, secrets, KMS for the encrypted log group.
  for (const region of ['us-east-1', 'eu-west-1'] as const) {
    const us = region === 'us-east-1';
    const lambdaRoles = us
      ? ['tallybird-prod-orders-api-role', 'tallybird-prod-payments-webhook-role', 'tallybird-prod-fulfillment-worker-role', 'tallybird-prod-email-role']
      : ['tallybird-eu-fulfillment-worker-role', 'tallybird-eu-email-role'];
    const keyArn = `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${us ? '7c1e5b2a-94d3-4f0e-b8a6-2d5c9e13f470' : 'c4a0e8d1-3b6f-47a2-9e15-80f2d7b3c6a9'}`;
    for (const t of arrivals(rng, from, to, (t) => (us ? 14 : 6) * (0.4 + load(t, region)))) {
      const kind = rng.weighted([['lambda', 5], ['ecs', 3], ['kms', 4], ['secret', 2]]);
      if (kind === 'lambda' || kind === 'ecs') {
        const role = kind === 'lambda' ? rng.pick(lambdaRoles) : rng.pick(['orders-service-task-role', 'payments-service-task-role']);
        const session = kind === 'lambda' ? role.replace(/-role$/, '') : rng.hex(32);
        record(t, region, service(kind === 'lambda' ? 'lambda.amazonaws.com' : 'ecs-tasks.amazonaws.com'), ['sts.amazonaws.com', 'AssumeRole', { roleArn: roleArn(role), roleSessionName: session }], {
          responseElements: {
            credentials: { accessKeyId: accessKey(), sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD...', expiration: expiration(t + 6 * HOUR) },
            assumedRoleUser: { assumedRoleId: `${principalId('AROA', role)}:${session}`, arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${role}/${session}` },
          },
          resources: [{ accountId: ACCOUNT_ID, type: 'AWS::IAM::Role', ARN: roleArn(role) }],
          sharedEventID: rng.uuid(),
        }, [{ type: 'AWS::IAM::Role', name: roleArn(role) }]);
      } else if (kind === 'kms') {
        record(t, region, service('logs.amazonaws.com'), ['kms.amazonaws.com', rng.chance(0.7) ? 'GenerateDataKey' : 'Decrypt', {
          keyId: keyArn,
          encryptionContext: { 'aws:logs:arn': `arn:aws:logs:${region}:${ACCOUNT_ID}:log-group:/ecs/payments-service` },
          encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
        }], { resources: [{ accountId: ACCOUNT_ID, type: 'AWS::KMS::Key', ARN: keyArn }] }, [{ type: 'AWS::KMS::Key', name: keyArn }]);
      } else {
        const app = rng.pick(['orders-service', 'payments-service']);
        const secretId = `arn:aws:secretsmanager:${region}:${ACCOUNT_ID}:secret:${us ? 'prod' : 'eu'}/${app}/database-${new Random(`secret/${region}/${app}`).alnum(6)}`;
        record(t, region, assumedRole(t, `${app}-task-role`, rng.hex(32)), ['secretsmanager.amazonaws.com', 'GetSecretValue', { secretId }], {}, [{ type: 'AWS::SecretsManager::Secret', name: secretId }]);
      }
    }
  }

  // A legacy IAM user with a long-term key exports metrics to a partner every half hour.
  const exporter: Identity = {
    type: 'IAMUser',
    principalId: principalId('AIDA', 'metrics-exporter'),
    arn: `arn:aws:iam::${ACCOUNT_ID}:user/metrics-exporter`,
    accountId: ACCOUNT_ID,
    accessKeyId: 'AKIAUSNR3TB7LQ2XK4PM',
    userName: 'metrics-exporter',
  };
  for (let t = Math.ceil(from / (30 * MINUTE)) * 30 * MINUTE; t < to; t += 30 * MINUTE) {
    record(t + rng.int(2, 40) * SECOND, 'us-east-1', exporter, ['monitoring.amazonaws.com', 'GetMetricData', { startTime: isoSeconds(t - 30 * MINUTE), endTime: isoSeconds(t), scanBy: 'TimestampAscending' }], {
      sourceIPAddress: '52.14.203.77',
      userAgent: EXPORTER_AGENT,
    });
  }

  // People: a console visit on most weekdays, a handful of reads each.
  const day = Math.floor(from / DAY);
  const weekday = (day + 4) % 7;
  if (weekday !== 0 && weekday !== 6) {
    for (const p of PEOPLE) {
      if (rng.chance(0.35)) continue;
      const inEurope = p === LENA;
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
        }, [logGroupResource(group)]);
      }
    }
  }
}

/** The story, at its fixed points: the changes people made over the months, the incident and its rollback, the deployments. */
function story(s: Scenario, rng: Random, events: Record<Region, SeedTrailEvent[]>, window: Window): void {
  const recorder = recorders(rng, events, window);
  const { record, assumedRole, consoleCall, signIn } = recorder;
  changes(s, rng, recorder);

  // The incident: the on-call engineer signs in, looks around, rolls orders-service back.
  let t = s.incident.start + 8 * MINUTE;
  signIn(t, ONCALL);
  for (const call of [DESCRIBE_ALARMS, FILTER_ERRORS, FILTER_ERRORS, INSIGHTS_QUERY, DESCRIBE_SERVICES, DESCRIBE_CLUSTERS, DESCRIBE_SERVICES]) {
    t += rng.int(20, 70) * SECOND;
    consoleCall(t, ONCALL, 'us-east-1', call);
  }

  // ECS rollouts: CI signs in through GitHub's OIDC provider on behalf of whoever started the release,
  // registers a task definition and updates the service; the rollback is by hand.
  for (const region of ['us-east-1', 'eu-west-1'] as const) {
    for (const svc of ['orders-service', 'payments-service'] as const satisfies readonly ServiceName[]) {
      const cluster = region === 'us-east-1' ? 'tallybird-prod' : 'tallybird-eu';
      for (const { at, revision, version } of deployments(s, region, svc)) {
        const taskDefinitionArn = `arn:aws:ecs:${region}:${ACCOUNT_ID}:task-definition/${svc}:${revision}`;
        const serviceArn = `arn:aws:ecs:${region}:${ACCOUNT_ID}:service/${cluster}/${svc}`;
        const update: Call = ['ecs.amazonaws.com', 'UpdateService', { cluster, service: svc, taskDefinition: `${svc}:${revision}`, forceNewDeployment: false }];
        const response = { responseElements: { service: { serviceName: svc, serviceArn, clusterArn: `arn:aws:ecs:${region}:${ACCOUNT_ID}:cluster/${cluster}`, taskDefinition: taskDefinitionArn, deployments: [{ id: `ecs-svc/${rng.int(1e15, 9e15)}`, status: 'PRIMARY', rolloutState: 'IN_PROGRESS' }] } } };
        const updated = [{ type: 'AWS::ECS::Service', name: serviceArn }, { type: 'AWS::ECS::TaskDefinition', name: taskDefinitionArn }];
        if (at === s.incident.rollbackAt) {
          consoleCall(at, ONCALL, region, update, response, updated);
          continue;
        }
        const releaser = version === '2.14.0' ? RELEASER : rng.pick(PEOPLE.slice(0, 3));
        const session = `GitHubActions-${rng.int(1_000_000_000, 9_999_999_999)}`;
        const federation = { webIdFederationData: { federatedProvider: GITHUB_OIDC, attributes: {} }, sourceIdentity: releaser.name };
        const ci = assumedRole(at, 'github-actions-deploy', session, '', federation);
        const fields = { sourceIPAddress: CI_IP, userAgent: CI_AGENT };
        const subject = `repo:tallybird/${svc}:environment:${region === 'us-east-1' ? 'production' : 'production-eu'}`;
        record(at - 55 * SECOND, region, { type: 'WebIdentityUser', principalId: `${GITHUB_OIDC}:sts.amazonaws.com:${subject}`, userName: subject, identityProvider: GITHUB_OIDC }, ['sts.amazonaws.com', 'AssumeRoleWithWebIdentity', {
          roleArn: roleArn('github-actions-deploy'),
          roleSessionName: session,
          sourceIdentity: releaser.name,
          durationSeconds: 3600,
        }], {
          ...fields,
          userAgent: 'aws-sdk-js/3.699.0 ua/2.1 os/linux#6.5.0-1025-azure lang/js md/nodejs#20.18.1 api/sts#3.699.0 m/E',
          responseElements: {
            credentials: { accessKeyId: (ci['accessKeyId'] as string), sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD...', expiration: expiration(at + HOUR) },
            subjectFromWebIdentityToken: subject,
            assumedRoleUser: { assumedRoleId: `${principalId('AROA', 'github-actions-deploy')}:${session}`, arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/github-actions-deploy/${session}` },
            provider: GITHUB_OIDC,
            audience: 'sts.amazonaws.com',
            sourceIdentity: releaser.name,
          },
        }, [{ type: 'AWS::IAM::Role', name: roleArn('github-actions-deploy') }]);
        record(at - 40 * SECOND, region, ci, ['ecs.amazonaws.com', 'RegisterTaskDefinition', { family: svc, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '512', memory: '1024', containerDefinitions: [{ name: svc, image: `${ACCOUNT_ID}.dkr.ecr.${region}.amazonaws.com/${svc}:${version}`, essential: true }] }], {
          ...fields,
          responseElements: { taskDefinition: { taskDefinitionArn, revision } },
        }, [{ type: 'AWS::ECS::TaskDefinition', name: taskDefinitionArn }]);
        record(at, region, ci, update, { ...fields, ...response }, updated);
      }
    }
  }
}

/**
 * The changes people made over the three months, at fixed points in the story: IAM, security groups,
 * a log group deleted, the root user's rare visits, a vendor's federated user, and a few refused calls.
 */
function changes(s: Scenario, rng: Random, { record, consoleCall, signIn }: Recorders): void {
  const day = (daysAgo: number, hour: number, minute: number): number => Math.floor((s.now - daysAgo * DAY) / DAY) * DAY + hour * HOUR + minute * MINUTE;
  const iam = (t: number, p: Person, name: string, parameters: Fields, resources: readonly Resource[], fields: Fields = {}) =>
    consoleCall(t, p, 'us-east-1', ['iam.amazonaws.com', name, parameters], fields, resources);
  const role = (name: string): Resource => ({ type: 'AWS::IAM::Role', name });
  const policy = (name: string): Resource => ({ type: 'AWS::IAM::Policy', name: `arn:aws:iam::${ACCOUNT_ID}:policy/${name}` });

  // A reporting role for the analytics job.
  let t = day(71, 15, 12);
  signIn(t - 4 * MINUTE, ONCALL);
  iam(t, ONCALL, 'CreateRole', {
    roleName: 'tallybird-prod-reporting-role',
    assumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    description: 'Nightly merchant reports',
  }, [role('tallybird-prod-reporting-role')], {
    responseElements: { role: { path: '/', roleName: 'tallybird-prod-reporting-role', roleId: principalId('AROA', 'tallybird-prod-reporting-role'), arn: roleArn('tallybird-prod-reporting-role'), createDate: expiration(t) } },
  });
  iam(t + 41 * SECOND, ONCALL, 'AttachRolePolicy', { roleName: 'tallybird-prod-reporting-role', policyArn: 'arn:aws:iam::aws:policy/AmazonAthenaFullAccess' }, [role('tallybird-prod-reporting-role'), { type: 'AWS::IAM::Policy', name: 'arn:aws:iam::aws:policy/AmazonAthenaFullAccess' }]);

  // Root: the account owner updates the billing contact, with MFA; weeks later someone fails to sign in as root.
  const root: Identity = { type: 'Root', principalId: ACCOUNT_ID, arn: `arn:aws:iam::${ACCOUNT_ID}:root`, accountId: ACCOUNT_ID };
  t = day(52, 17, 3);
  record(t, 'us-east-1', root, ['signin.amazonaws.com', 'ConsoleLogin', null], {
    sourceIPAddress: '108.28.61.190',
    userAgent: CONSOLE_AGENT,
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAIdentifier: `arn:aws:iam::${ACCOUNT_ID}:mfa/root-account-mfa-device`, MFAUsed: 'Yes' },
  });
  record(t + 3 * MINUTE + 12 * SECOND, 'us-east-1', { ...root, accessKeyId: `ASIA${rng.alnum(16, BASE32)}`, sessionContext: { attributes: { creationDate: isoSeconds(t), mfaAuthenticated: 'true' } } }, ['account.amazonaws.com', 'PutAlternateContact', {
    alternateContactType: 'BILLING',
    emailAddress: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    name: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    phoneNumber: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    title: 'HIDDEN_DUE_TO_SECURITY_REASONS',
  }], { sourceIPAddress: '108.28.61.190', userAgent: CONSOLE_AGENT, sessionCredentialFromConsole: 'true' });
  record(day(31, 3, 47) + 19 * SECOND, 'us-east-1', { type: 'Root', principalId: ACCOUNT_ID, arn: `arn:aws:iam::${ACCOUNT_ID}:root`, accountId: ACCOUNT_ID }, ['signin.amazonaws.com', 'ConsoleLogin', null], {
    sourceIPAddress: '185.220.101.34',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    errorMessage: 'Failed authentication',
    responseElements: { ConsoleLogin: 'Failure' },
    additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' },
  });

  // The metrics exporter's key is rotated.
  t = day(40, 14, 26);
  iam(t, ONCALL, 'CreateAccessKey', { userName: 'metrics-exporter' }, [{ type: 'AWS::IAM::User', name: 'metrics-exporter' }], {
    responseElements: { accessKey: { userName: 'metrics-exporter', accessKeyId: 'AKIAUSNR3TB7LQ2XK4PM', status: 'Active', createDate: expiration(t) } },
  });
  iam(t + 6 * DAY, ONCALL, 'DeleteAccessKey', { userName: 'metrics-exporter', accessKeyId: 'AKIAUSNR3TB7MV5YH2QD' }, [{ type: 'AWS::IAM::User', name: 'metrics-exporter' }, { type: 'AWS::IAM::AccessKey', name: 'AKIAUSNR3TB7MV5YH2QD' }]);

  // A log group nobody writes to any more is deleted.
  consoleCall(day(20, 15, 38), ONCALL, 'us-east-1', ['logs.amazonaws.com', 'DeleteLogGroup', { logGroupName: '/aws/lambda/tallybird-prod-thumbnailer' }], {}, [logGroupResource('/aws/lambda/tallybird-prod-thumbnailer')]);

  // The database security group: a temporary rule for a migration, removed the next day.
  const sg = 'sg-0c4f2a7d91e35b862';
  const rule = { ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, ipRanges: { items: [{ cidrIp: '98.207.81.4/32', description: 'dan - migration' }] } };
  consoleCall(day(15, 19, 4), RELEASER, 'us-east-1', ['ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress', { groupId: sg, ipPermissions: { items: [rule] } }], {
    responseElements: { requestId: rng.uuid(), _return: true, securityGroupRuleSet: { items: [{ groupId: sg, securityGroupRuleId: 'sgr-0e5b7c1a94d2f3860', isEgress: false, ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, cidrIpv4: '98.207.81.4/32' }] } },
  }, [{ type: 'AWS::EC2::SecurityGroup', name: sg }]);
  consoleCall(day(14, 9, 31), LENA, 'us-east-1', ['ec2.amazonaws.com', 'RevokeSecurityGroupIngress', { groupId: sg, securityGroupRuleIds: { items: [{ securityGroupRuleId: 'sgr-0e5b7c1a94d2f3860' }] } }], {
    responseElements: { requestId: rng.uuid(), _return: true },
  }, [{ type: 'AWS::EC2::SecurityGroup', name: sg }]);

  // The orders service's task role gets read access to its new secret.
  iam(day(10, 16, 2), RELEASER, 'PutRolePolicy', {
    roleName: 'orders-service-task-role',
    policyName: 'read-orders-secrets',
    policyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:318264950271:secret:prod/orders-service/*"}]}',
  }, [role('orders-service-task-role'), policy('read-orders-secrets')]);

  // Lena may not create IAM users.
  iam(day(8, 10, 17), LENA, 'CreateUser', { userName: 'ci-eu-reports' }, [{ type: 'AWS::IAM::User', name: 'ci-eu-reports' }], {
    errorCode: 'AccessDenied',
    errorMessage: `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/AWSReservedSSO_${LENA.permissionSet}/${LENA.name} is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${ACCOUNT_ID}:user/ci-eu-reports because no identity-based policy allows the iam:CreateUser action`,
  });

  // The payment processor's support engineer, through the vendor portal's federated user, checks the database.
  const federated = (at: number): Identity => ({
    type: 'FederatedUser',
    principalId: `${ACCOUNT_ID}:vendor-acme-support`,
    arn: `arn:aws:sts::${ACCOUNT_ID}:federated-user/vendor-acme-support`,
    accountId: ACCOUNT_ID,
    accessKeyId: `ASIA${rng.alnum(16, BASE32)}`,
    sessionContext: {
      sessionIssuer: { type: 'IAMUser', principalId: principalId('AIDA', 'vendor-portal'), arn: `arn:aws:iam::${ACCOUNT_ID}:user/vendor-portal`, accountId: ACCOUNT_ID, userName: 'vendor-portal' },
      attributes: { creationDate: isoSeconds(at - 2 * MINUTE), mfaAuthenticated: 'false' },
    },
  });
  for (const daysAgo of [63, 35, 6]) {
    const at = day(daysAgo, 13, 20);
    for (const [index, call] of [DESCRIBE_CLUSTERS, ['rds.amazonaws.com', 'DescribeDBClusterParameters', { dBClusterParameterGroupName: 'tallybird-prod-aurora-pg16' }] as Call, ['rds.amazonaws.com', 'ModifyDBClusterParameterGroup', { dBClusterParameterGroupName: 'tallybird-prod-aurora-pg16', parameters: [{ parameterName: 'idle_in_transaction_session_timeout', parameterValue: '60000', applyMethod: 'immediate' }] }] as Call].entries()) {
      const fields: Fields =
        call[1] === 'ModifyDBClusterParameterGroup'
          ? {
              errorCode: 'AccessDenied',
              errorMessage: `User: arn:aws:sts::${ACCOUNT_ID}:federated-user/vendor-acme-support is not authorized to perform: rds:ModifyDBClusterParameterGroup on resource: arn:aws:rds:us-east-1:${ACCOUNT_ID}:cluster-pg:tallybird-prod-aurora-pg16 because no identity-based policy allows the rds:ModifyDBClusterParameterGroup action`,
            }
          : {};
      if (call[1] === 'ModifyDBClusterParameterGroup' && daysAgo !== 35) continue;
      record(at + index * 47 * SECOND, 'us-east-1', federated(at), call, { sourceIPAddress: '203.0.113.54', userAgent: 'aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe command/rds', ...fields }, [{ type: 'AWS::RDS::DBClusterParameterGroup', name: 'tallybird-prod-aurora-pg16' }]);
    }
  }
}
