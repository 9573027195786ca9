/**
 * Connections are not a view: they are the scope the views work in. The app frame uses the header's
 * menu, the "Manage connections" dialog, the credential prompts and the current scope from here.
 */
export { CredentialActionsProvider } from './CredentialActionsProvider';
export { CredentialPromptsProvider } from './CredentialPrompts';
export { ManageConnectionsDialog } from './ManageConnectionsDialog';
export { ScopeMenu } from './ScopeMenu';
export { useCurrentScope } from './scopeQueries';
