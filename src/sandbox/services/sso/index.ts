/** IAM Identity Center: the OIDC service (device sign-in) and the portal (role credentials). */
export { ssoOidc } from './oidc';
export { ssoPortal } from './portal';
