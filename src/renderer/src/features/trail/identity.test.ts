import { describe, expect, it } from 'vitest';
import { identityInWords } from './identity';

const CONSOLE = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36';

describe('identityInWords', () => {
  it('names a person signed in through IAM Identity Center, their permission set, and where from', () => {
    expect(
      identityInWords({
        userIdentity: {
          type: 'AssumedRole',
          arn: 'arn:aws:sts::318264950271:assumed-role/AWSReservedSSO_AdministratorAccess_3f8a1c2b9d4e5f60/priya.natarajan',
          sessionContext: { sessionIssuer: { type: 'Role', userName: 'AWSReservedSSO_AdministratorAccess_3f8a1c2b9d4e5f60' }, attributes: { mfaAuthenticated: 'false' } },
        },
        sourceIPAddress: '71.184.22.130',
        userAgent: CONSOLE,
      }),
    ).toEqual({
      who: 'priya.natarajan, signed in through IAM Identity Center',
      via: 'permission set AdministratorAccess (role AWSReservedSSO_AdministratorAccess_3f8a1c2b9d4e5f60)',
      from: '71.184.22.130, using the AWS console in a browser',
    });
  });

  it('names who a CI role session acted for, and its web identity', () => {
    const words = identityInWords({
      userIdentity: {
        type: 'AssumedRole',
        arn: 'arn:aws:sts::1:assumed-role/github-actions-deploy/GitHubActions-123',
        sessionContext: {
          sessionIssuer: { userName: 'github-actions-deploy' },
          webIdFederationData: { federatedProvider: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com' },
          sourceIdentity: 'dan.okafor',
        },
      },
      sourceIPAddress: '20.42.115.38',
      userAgent: 'aws-sdk-js/3.699.0 ua/2.1',
    });
    expect(words).toEqual({
      who: 'dan.okafor (source identity), as role session GitHubActions-123',
      via: 'role github-actions-deploy, assumed with a web identity from token.actions.githubusercontent.com',
      from: '20.42.115.38, using the AWS SDK for JavaScript',
    });
  });

  it('names root, IAM users, federated users, services and callers AWS could not identify', () => {
    expect(identityInWords({ userIdentity: { type: 'Root', accountId: '1' }, additionalEventData: { MFAUsed: 'Yes' } }).who).toBe('The account’s root user (1), with MFA');
    expect(identityInWords({ userIdentity: { type: 'IAMUser', userName: 'exporter', accessKeyId: 'AKIAX' } }).who).toBe('IAM user exporter with its long-term access key AKIAX');
    expect(identityInWords({ userIdentity: { type: 'IAMUser', userName: 'u', accessKeyId: 'ASIAX' } }).who).toBe('IAM user u with temporary credentials ASIAX');
    expect(identityInWords({ userIdentity: { type: 'IAMUser', userName: 'u', accessKeyId: 'LOCALKEY' } }).who).toBe('IAM user u with access key LOCALKEY');
    expect(
      identityInWords({ userIdentity: { type: 'FederatedUser', arn: 'arn:aws:sts::1:federated-user/vendor', sessionContext: { sessionIssuer: { userName: 'portal' } } } }),
    ).toEqual({ who: 'Federated user vendor', via: 'temporary credentials IAM user portal obtained for it (GetFederationToken)' });
    expect(identityInWords({ userIdentity: { type: 'AWSService', invokedBy: 'lambda.amazonaws.com' }, sourceIPAddress: 'lambda.amazonaws.com' })).toEqual({
      who: 'The AWS service lambda.amazonaws.com',
      from: 'inside AWS (lambda.amazonaws.com)',
    });
    expect(identityInWords({}).who).toMatch(/could not identify/);
  });
});
