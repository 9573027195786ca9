import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
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

  describe('retries', () => {
    /** A client whose every attempt is answered by `answer` in place of AWS, counting the attempts. */
    function answered(answer: (attempt: number) => Error | undefined) {
      const client = clientWith({});
      let attempts = 0;
      client.middlewareStack.add(
        () => async () => {
          const error = answer(++attempts);
          if (error !== undefined) throw error;
          return { output: { logGroups: [], $metadata: {} }, response: {} };
        },
        { step: 'deserialize', priority: 'high', name: 'fakeAws' },
      );
      return { client, attempts: () => attempts };
    }
    const awsError = (name: string) => Object.assign(new Error(name), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });

    it('gives back a LimitExceededException at once, as it came, instead of retrying it as throttling', async () => {
      const { client, attempts } = answered(() => awsError('LimitExceededException'));
      const error = await client.send(new DescribeLogGroupsCommand({})).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'LimitExceededException', message: 'LimitExceededException' });
      expect(attempts()).toBe(1);
    });

    it('still retries throttling', async () => {
      const { client, attempts } = answered((attempt) => (attempt === 1 ? awsError('ThrottlingException') : undefined));
      await expect(client.send(new DescribeLogGroupsCommand({}))).resolves.toMatchObject({ logGroups: [] });
      expect(attempts()).toBe(2);
    });
  });
});
