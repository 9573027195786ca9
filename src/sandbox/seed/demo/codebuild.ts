/**
 * CodeBuild projects that build and test the two services: one stream per build (named by the
 * build id), each the full console output with CodeBuild's `[Container]` phase lines. Pull
 * request builds on weekdays; the release builds line up with the ECS deployments.
 */
import type { SeedLogGroup } from '../types';
import { type ServiceName, deployments } from './ecs';
import { Random } from './random';
import { type Scenario, type StreamBuilder, add, historyStart, logGroup, stream } from './scenario';
import { DAY, MINUTE, SECOND, slashedMicros } from './time';

const RETENTION_DAYS = 30;

export function codeBuildLogGroups(s: Scenario): SeedLogGroup[] {
  return (['orders-service', 'payments-service'] as const).map((service) => project(s, service));
}

function project(s: Scenario, service: ServiceName): SeedLogGroup {
  const rng = new Random(`codebuild/${service}`);
  const from = historyStart(s, RETENTION_DAYS);
  const builds: { at: number; release?: string }[] = [];
  for (let day = Math.floor(from / DAY); day * DAY < s.now; day++) {
    const weekday = (day + 4) % 7;
    if (weekday === 0 || weekday === 6) continue;
    for (let i = rng.int(1, service === 'orders-service' ? 5 : 3); i > 0; i--) builds.push({ at: day * DAY + rng.int(13 * 3600, 23 * 3600) * SECOND });
  }
  for (const dep of deployments(s, 'us-east-1', service)) {
    if (dep.at !== s.incident.rollbackAt) builds.push({ at: dep.at - 15 * MINUTE, release: dep.version });
  }
  builds.sort((a, b) => a.at - b.at);

  const streams: StreamBuilder[] = [];
  for (const build of builds) {
    if (build.at < from) continue;
    const st = stream(rng.uuid());
    if (writeBuild(rng, st, service, build.at, build.release, s.now)) streams.push(st);
  }
  return logGroup(s, { name: `/aws/codebuild/tallybird-${service}`, retentionInDays: RETENTION_DAYS, createdDaysAgo: service === 'orders-service' ? 530 : 515 }, streams);
}

/** Writes one build's output; false if it would still be running now. */
function writeBuild(rng: Random, st: StreamBuilder, service: ServiceName, start: number, release: string | undefined, now: number): boolean {
  const node = service === 'orders-service';
  const failsTests = release === undefined && rng.chance(0.12);
  const lines: [number, string][] = [];
  let t = start;
  const container = (text: string, after = rng.int(5, 900)) => {
    t += after;
    lines.push([t, `[Container] ${slashedMicros(t, rng.int(0, 999))} ${text}\n`]);
  };
  const output = (text: string, after = rng.int(1, 400)) => {
    t += after;
    lines.push([t, `${text}\n`]);
  };
  const phase = (name: string, status = 'SUCCEEDED') => {
    container(`Phase complete: ${name} State: ${status}`);
    container(`Phase context status code:  Message: `, 1);
  };
  const enter = (name: string) => container(`Entering phase ${name}`);
  const command = (text: string) => container(`Running command ${text}`);

  container('Running on CodeBuild On-demand', 0);
  container('Waiting for agent ping', rng.int(2000, 9000));
  container('Waiting for DOWNLOAD_SOURCE', rng.int(900, 2000));
  container(`Phase is DOWNLOAD_SOURCE`, rng.int(2000, 6000));
  container(`CODEBUILD_SRC_DIR=/codebuild/output/src${rng.int(100_000_000, 999_999_999)}/src/github.com/tallybird/${service}`);
  container('YAML location is /codebuild/output/src/buildspec.yml');
  container('Processing environment variables');
  container(`Selecting '${node ? 'nodejs' : 'golang'}' runtime version '${node ? '20' : '1.23'}' based on manual selections...`);
  container('Moving to directory /codebuild/output/src/src/github.com/tallybird');
  phase('DOWNLOAD_SOURCE');
  enter('INSTALL');
  phase('INSTALL');
  enter('PRE_BUILD');
  command('aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 318264950271.dkr.ecr.us-east-1.amazonaws.com');
  output('WARNING! Your password will be stored unencrypted in /root/.docker/config.json.', rng.int(800, 2000));
  output('Login Succeeded');
  if (node) {
    command('npm ci');
    output(`added ${rng.int(780, 820)} packages, and audited ${rng.int(821, 860)} packages in ${rng.int(11, 19)}s`, rng.int(11_000, 19_000));
    output(`${rng.int(140, 160)} packages are looking for funding`);
    output('found 0 vulnerabilities');
  } else {
    command('go mod download');
    t += rng.int(6_000, 12_000);
  }
  phase('PRE_BUILD');
  enter('BUILD');
  command(node ? 'npm test -- --reporter=dot' : 'go test ./...');
  const suites = node ? ['orders', 'checkout', 'carts', 'pricing', 'refunds', 'reports', 'http'] : ['charges', 'refunds', 'payouts', 'store', 'httpapi', 'psp'];
  const failing = failsTests ? rng.pick(suites) : '';
  for (const suite of suites) {
    const took = rng.float(0.3, 4.5).toFixed(3);
    if (node) output(`${suite === failing ? ' ❯' : ' ✓'} test/${suite}.test.ts (${rng.int(8, 60)} tests${suite === failing ? ' | 1 failed' : ''}) ${Math.round(Number(took) * 1000)}ms`, rng.int(300, 4000));
    else output(`${suite === failing ? 'FAIL' : 'ok  '}\tgithub.com/tallybird/payments/internal/${suite}\t${took}s`, rng.int(300, 4000));
  }
  if (failsTests) {
    output(node ? ` FAIL  test/${failing}.test.ts > rounds line totals half-even\nAssertionError: expected 1999 to be 2000 // Object.is equality` : `--- FAIL: TestCapture_PartialAmount (0.01s)\n    ${failing}_test.go:88: got status 500, want 201`);
    container(`Command did not exit successfully ${node ? 'npm test -- --reporter=dot' : 'go test ./...'} exit status 1`);
    phase('BUILD', 'FAILED');
    container('Phase complete: POST_BUILD State: SUCCEEDED');
  } else {
    const tag = release ?? rng.hex(7);
    const image = `318264950271.dkr.ecr.us-east-1.amazonaws.com/${service}:${tag}`;
    command(`docker build -t ${image} .`);
    output(`#${rng.int(10, 14)} [build 6/6] ${node ? 'RUN npm run build' : 'RUN CGO_ENABLED=0 go build -o /out/payments ./cmd/payments'}`, rng.int(20_000, 60_000));
    output(`#${rng.int(15, 18)} exporting to image`, rng.int(3000, 9000));
    output(`#${rng.int(15, 18)} naming to ${image} done`);
    command(`docker push ${image}`);
    output(`${tag}: digest: sha256:${rng.hex(64)} size: ${rng.int(1800, 2900)}`, rng.int(8000, 20_000));
    phase('BUILD');
    enter('POST_BUILD');
    if (release) command(`printf '[{"name":"${service}","imageUri":"%s"}]' ${image} > imagedefinitions.json`);
    phase('POST_BUILD');
  }
  container('Expanding base directory path: .');
  container('Assembling file list');
  if (t + 5 * SECOND > now) return false;
  for (const [at, text] of lines) add(st, at, text);
  return true;
}
