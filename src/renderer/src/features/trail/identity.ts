/**
 * Who made a call, in words, from a CloudTrail record: who (the person, user, role session or
 * service), through what (a role, a permission set, a federation, a source identity), and from where
 * (address and client).
 */
export interface IdentityInWords {
  /** "priya.natarajan, signed in through IAM Identity Center" */
  readonly who: string;
  /** "permission set AdministratorAccess (role AWSReservedSSO_AdministratorAccess_3f8a…)" */
  readonly via?: string;
  /** "71.184.22.130, using the AWS console in a browser" */
  readonly from?: string;
}

type Json = Readonly<Record<string, unknown>>;

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function lastSegment(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : arn.slice(arn.lastIndexOf('/') + 1) || undefined;
}

export function identityInWords(record: Json): IdentityInWords {
  const identity = asObject(record['userIdentity']);
  const session = asObject(identity['sessionContext']);
  const issuer = asObject(session['sessionIssuer']);
  const attributes = asObject(session['attributes']);
  const federation = asObject(session['webIdFederationData']);
  const arn = text(identity['arn']);
  const mfa = attributes['mfaAuthenticated'] === 'true' || asObject(record['additionalEventData'])['MFAUsed'] === 'Yes';
  const from = whereFrom(record);
  const withMfa = mfa ? ', with MFA' : '';

  switch (identity['type']) {
    case 'Root':
      return { who: `The account’s root user (${text(identity['accountId']) ?? 'this account'})${withMfa}`, ...(from ? { from } : {}) };
    case 'IAMUser': {
      const key = text(identity['accessKeyId']);
      const name = text(identity['userName']) ?? lastSegment(arn) ?? 'an IAM user';
      const keyWords =
        key === undefined ? '' : key.startsWith('AKIA') ? ` with its long-term access key ${key}` : key.startsWith('ASIA') ? ` with temporary credentials ${key}` : ` with access key ${key}`;
      return { who: `IAM user ${name}${keyWords}${withMfa}`, ...(from ? { from } : {}) };
    }
    case 'AssumedRole': {
      const sessionName = lastSegment(arn) ?? 'a role session';
      const role = text(issuer['userName']) ?? arn?.split('/')[1] ?? 'a role';
      const sso = /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/.exec(role);
      const provider = text(federation['federatedProvider']);
      const sourceIdentity = text(session['sourceIdentity']);
      const invokedBy = text(identity['invokedBy']);
      const who = sso
        ? `${sessionName}, signed in through IAM Identity Center${withMfa}`
        : sourceIdentity !== undefined
          ? `${sourceIdentity} (source identity), as role session ${sessionName}${withMfa}`
          : `Role session ${sessionName}${withMfa}`;
      const through = [
        sso ? `permission set ${sso[1]} (role ${role})` : `role ${role}`,
        ...(provider ? [`assumed with a web identity from ${lastSegment(provider) ?? provider}`] : []),
        ...(invokedBy ? [`on behalf of ${invokedBy}`] : []),
      ];
      return { who, via: through.join(', '), ...(from ? { from } : {}) };
    }
    case 'FederatedUser': {
      const name = lastSegment(arn) ?? 'a federated user';
      const issuerName = text(issuer['userName']);
      return {
        who: `Federated user ${name}`,
        ...(issuerName ? { via: `temporary credentials IAM user ${issuerName} obtained for it (GetFederationToken)` } : {}),
        ...(from ? { from } : {}),
      };
    }
    case 'AWSService':
      return { who: `The AWS service ${text(identity['invokedBy']) ?? 'itself'}`, ...(from ? { from } : {}) };
    case 'WebIdentityUser':
      return {
        who: `Web identity ${text(identity['userName']) ?? 'user'}`,
        via: `identity provider ${lastSegment(text(identity['identityProvider'])) ?? text(identity['identityProvider']) ?? 'unknown'}`,
        ...(from ? { from } : {}),
      };
    case 'SAMLUser':
      return { who: `SAML user ${text(identity['userName']) ?? ''}`.trim(), ...(from ? { from } : {}) };
    default:
      return { who: 'A caller AWS could not identify (an unsigned or anonymous request)', ...(from ? { from } : {}) };
  }
}

/** "71.184.22.130, using the AWS console in a browser"; AWS's own services are named as such. */
function whereFrom(record: Json): string | undefined {
  const address = text(record['sourceIPAddress']);
  const agent = text(record['userAgent']);
  if (address === undefined && agent === undefined) return undefined;
  if (address !== undefined && address.endsWith('.amazonaws.com')) return `inside AWS (${address})`;
  const client = agent === undefined ? undefined : clientOf(agent, record['sessionCredentialFromConsole'] === 'true');
  return [address, client ? `using ${client}` : undefined].filter((part) => part !== undefined).join(', ');
}

function clientOf(agent: string, fromConsole: boolean): string {
  if (fromConsole || /^Mozilla\//.test(agent) || agent.includes('console.amazonaws.com')) return 'the AWS console in a browser';
  if (/^aws-cli\//.test(agent)) return 'the AWS CLI';
  if (/^aws-sdk-js\//.test(agent)) return 'the AWS SDK for JavaScript';
  if (/^Boto3\//.test(agent)) return 'Python (Boto3)';
  if (/^aws-sdk-go/.test(agent)) return 'the AWS SDK for Go';
  if (/^aws-sdk-java/.test(agent)) return 'the AWS SDK for Java';
  if (/^[a-z0-9-]+\.amazonaws\.com$/.test(agent)) return `the AWS service ${agent}`;
  return agent.length > 80 ? `${agent.slice(0, 80)}…` : agent;
}
