/**
 * IAM Identity Center: the OIDC service (device sign-in) and the portal (role credentials), two APIs with
 * their own endpoints and signing names, sharing the account's SSO store.
 */
export { ssoOidc } from './oidc';
export { ssoPortal } from './portal';
