/**
 * Credentials for a connection, from the AWS SDK's own providers, cached until shortly before they
 * expire. Roles that need MFA ask through `MfaCodes`: the first call fails with `MfaRequired`, the
 * UI asks the user, and the code it sends back is used once, by the next resolution.
 */
import { fromEnv, fromIni } from '@aws-sdk/credential-providers';
import { memoize } from '@smithy/property-provider';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { apiError } from '../../shared/errors';
import type { SecretStore } from './secret-store';

/** Refresh this long before credentials expire, so no request goes out with credentials about to lapse. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/** What the keychain holds for a connection created in the app. */
export interface StoredSecret {
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export function encodeSecret(secret: StoredSecret): string {
  return JSON.stringify(secret);
}

export function decodeSecret(raw: string): StoredSecret | undefined {
  try {
    const value = JSON.parse(raw) as Partial<StoredSecret>;
    if (typeof value.secretAccessKey !== 'string' || value.secretAccessKey === '') return undefined;
    return {
      secretAccessKey: value.secretAccessKey,
      ...(typeof value.sessionToken === 'string' && value.sessionToken ? { sessionToken: value.sessionToken } : {}),
    };
  } catch {
    return undefined;
  }
}

/** MFA codes the user typed, waiting for the role assumption that needs them. */
export class MfaCodes {
  private readonly pending = new Map<string, string>();

  offer(connectionId: string, code: string): void {
    this.pending.set(connectionId, code);
  }

  /** The SDK's `mfaCodeProvider` for one connection. */
  providerFor(connectionId: string): (serial: string) => Promise<string> {
    return async (serial) => {
      const code = this.pending.get(connectionId);
      if (code === undefined) {
        throw apiError('MfaRequired', `This role needs a code from your MFA device (${serial}). Enter the code to continue.`);
      }
      this.pending.delete(connectionId);
      return code;
    };
  }
}

export type CredentialSource =
  | { readonly kind: 'static'; readonly credentials: AwsCredentialIdentity }
  | { readonly kind: 'environment' }
  | { readonly kind: 'profile'; readonly profile: string }
  | { readonly kind: 'keychain'; readonly connectionId: string; readonly connectionName: string; readonly accessKeyId: string };

export interface ProviderDependencies {
  readonly secrets: SecretStore;
  readonly mfa: MfaCodes;
  readonly now?: () => number;
}

/** A cached provider for one connection; `forceRefresh` (the SDK's own option) resolves anew. */
export function credentialProvider(
  connectionId: string,
  source: CredentialSource,
  dependencies: ProviderDependencies,
): AwsCredentialIdentityProvider {
  const now = dependencies.now ?? Date.now;
  const base = baseProvider(connectionId, source, dependencies);
  return memoize(
    base,
    (credentials) => credentials.expiration !== undefined && credentials.expiration.getTime() - now() < EXPIRY_MARGIN_MS,
    (credentials) => credentials.expiration !== undefined,
  );
}

function baseProvider(connectionId: string, source: CredentialSource, dependencies: ProviderDependencies): AwsCredentialIdentityProvider {
  switch (source.kind) {
    case 'static':
      return async () => source.credentials;
    case 'environment':
      return fromEnv();
    case 'profile':
      // The SDK reads the files again on every resolution (ignoreCache), so an edited profile or a
      // fresh `aws sso login` takes effect without restarting the app.
      return fromIni({ profile: source.profile, ignoreCache: true, mfaCodeProvider: dependencies.mfa.providerFor(connectionId) });
    case 'keychain':
      return async () => {
        const availability = await dependencies.secrets.availability();
        if (!availability.available) throw apiError('KeychainUnavailable', availability.reason);
        const raw = await dependencies.secrets.get(source.connectionId);
        const secret = raw === undefined ? undefined : decodeSecret(raw);
        if (!secret) {
          throw apiError(
            'Unauthenticated',
            `The secret key of "${source.connectionName}" is not in the keychain any more. Edit the connection and enter the secret access key again.`,
          );
        }
        return {
          accessKeyId: source.accessKeyId,
          secretAccessKey: secret.secretAccessKey,
          ...(secret.sessionToken ? { sessionToken: secret.sessionToken } : {}),
        };
      };
  }
}
