/**
 * Investigation presets: the questions people bring to event history, each as the one attribute AWS
 * can look up plus what the app checks itself on the events that come back.
 */
import type { LookupAttribute, TrailEvent } from '../../../../shared/contract';

export const PRESET_IDS = ['sign-ins', 'denied', 'root', 'iam', 'security-groups', 'deletes'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface Preset {
  readonly id: PresetId;
  readonly label: string;
  /** What it finds, in a sentence. */
  readonly description: string;
  /** What AWS looks up. */
  readonly attribute?: LookupAttribute;
  /** What the app checks on each loaded event, in words and as a test. */
  readonly check?: { readonly words: string; readonly test: (event: TrailEvent) => boolean };
}

const DENIED = /AccessDenied|Unauthorized|Forbidden|NotAuthorized/i;
const SECURITY_GROUP_CHANGE = /^(Authorize|Revoke)SecurityGroup(Ingress|Egress)$|^(Create|Delete)SecurityGroup$|^ModifySecurityGroupRules$|^UpdateSecurityGroupRuleDescriptions/;

export const PRESETS: readonly Preset[] = [
  {
    id: 'sign-ins',
    label: 'Console sign-ins',
    description: 'Every sign-in to the AWS console, failed ones included.',
    attribute: { key: 'EventName', value: 'ConsoleLogin' },
  },
  {
    id: 'denied',
    label: 'Denied calls',
    description: 'Calls AWS refused for lack of permission.',
    check: { words: 'the call was denied (AccessDenied, UnauthorizedOperation, …)', test: (event) => event.errorCode !== undefined && DENIED.test(event.errorCode) },
  },
  {
    id: 'root',
    label: 'Root activity',
    description: 'What the account’s root user did, sign-ins included.',
    attribute: { key: 'Username', value: 'root' },
  },
  {
    id: 'iam',
    label: 'IAM changes',
    description: 'Users, roles, policies and access keys created, changed or deleted.',
    attribute: { key: 'EventSource', value: 'iam.amazonaws.com' },
    check: { words: 'the call changed something (not read-only)', test: (event) => event.readOnly === false },
  },
  {
    id: 'security-groups',
    label: 'Security-group changes',
    description: 'Rules added to or removed from security groups, and groups created or deleted.',
    attribute: { key: 'EventSource', value: 'ec2.amazonaws.com' },
    check: { words: 'the call changed a security group', test: (event) => SECURITY_GROUP_CHANGE.test(event.eventName) },
  },
  {
    id: 'deletes',
    label: 'Deletes',
    description: 'Anything deleted: log groups, roles, keys, stacks, …',
    attribute: { key: 'ReadOnly', value: 'false' },
    check: { words: 'the call’s name starts with Delete', test: (event) => event.eventName.startsWith('Delete') },
  },
];

export function presetOf(id: string | null | undefined): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
