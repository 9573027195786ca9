/** Finding an AWS CLI to test the sandbox with, and running it isolated from the user's AWS configuration. */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** $AWS_CLI, or the first `aws` executable on PATH. */
export function findAwsCli(): string | undefined {
  if (process.env.AWS_CLI) return process.env.AWS_CLI;
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(directory, 'aws');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The first version 2 CLI (CloudWatch in the query protocol, `aws logs tail`) among $AWS_CLI and the `aws` executables on PATH. */
export function findAwsCliV2(): string | undefined {
  const candidates = [process.env.AWS_CLI, ...(process.env.PATH ?? '').split(delimiter).map((directory) => join(directory, 'aws'))];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    try {
      accessSync(candidate, constants.X_OK);
      if (execFileSync(candidate, ['--version'], { encoding: 'utf8' }).startsWith('aws-cli/2.')) return candidate;
    } catch {
      // not here, or not version 2
    }
  }
  return undefined;
}

/** The CLI's environment: dummy credentials, isolated from the user's AWS config, no pager. */
export function cliEnvironment(extraEnv: Record<string, string> = {}): Record<string, string> {
  return {
    AWS_RETRY_MODE: 'standard',
    AWS_MAX_ATTEMPTS: '3',
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'x',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_PAGER: '',
    ...extraEnv,
  };
}
