import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import { createAwsClient, type ClientTarget } from './aws-clients';

const credentials = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });

function clientWith(target: Partial<ClientTarget>, budget: 'interactive' | 'background' = 'interactive') {
  return createAwsClient(CloudWatchLogsClient, { region: 'eu-west-1', credentials, customEndpoint: false, ...target }, budget, '1.2.3');
}

describe('createAwsClient', () => {
  it('keeps host prefixes for AWS and drops them for other endpoints', () => {
    expect(clientWith({}).config.disableHostPrefix).toBe(false);
    expect(clientWith({ endpoint: 'http://localhost:4566', customEndpoint: true }).config.disableHostPrefix).toBe(true);
    // A profile's endpoint_url is read by the SDK, not passed in, but is still not AWS.
    expect(clientWith({ profile: 'localstack', customEndpoint: true }).config.disableHostPrefix).toBe(true);
  });

  it('names the app in the user agent and retries adaptively within its budget', async () => {
    const interactive = clientWith({});
    expect(interactive.config.customUserAgent).toEqual([['cloudscope', '1.2.3']]);
    expect(await interactive.config.retryStrategy()).toMatchObject({ mode: 'adaptive' });
    expect(await interactive.config.maxAttempts()).toBe(5);
    expect(await clientWith({}, 'background').config.maxAttempts()).toBe(10);
  });
});
