/** The loopback HTTP bridge's routes and header; shared by its server (Node) and client (page). */
export const BRIDGE_ROUTES = {
  call: '/__cloudscope/call',
  subscribe: '/__cloudscope/subscribe',
} as const;

export const BRIDGE_TOKEN_HEADER = 'x-cloudscope-bridge-token';

/** Body of both routes. */
export interface BridgeRequest {
  readonly method: string;
  readonly request: unknown;
}
