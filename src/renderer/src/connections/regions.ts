/** The commercial AWS regions, for the region menu, with the place names people know them by. */
export interface RegionInfo {
  readonly code: string;
  readonly name: string;
}

export const REGIONS: readonly RegionInfo[] = [
  { code: 'us-east-1', name: 'N. Virginia' },
  { code: 'us-east-2', name: 'Ohio' },
  { code: 'us-west-1', name: 'N. California' },
  { code: 'us-west-2', name: 'Oregon' },
  { code: 'ca-central-1', name: 'Canada (Central)' },
  { code: 'ca-west-1', name: 'Calgary' },
  { code: 'sa-east-1', name: 'São Paulo' },
  { code: 'eu-west-1', name: 'Ireland' },
  { code: 'eu-west-2', name: 'London' },
  { code: 'eu-west-3', name: 'Paris' },
  { code: 'eu-central-1', name: 'Frankfurt' },
  { code: 'eu-central-2', name: 'Zurich' },
  { code: 'eu-north-1', name: 'Stockholm' },
  { code: 'eu-south-1', name: 'Milan' },
  { code: 'eu-south-2', name: 'Spain' },
  { code: 'il-central-1', name: 'Tel Aviv' },
  { code: 'me-central-1', name: 'UAE' },
  { code: 'me-south-1', name: 'Bahrain' },
  { code: 'af-south-1', name: 'Cape Town' },
  { code: 'ap-south-1', name: 'Mumbai' },
  { code: 'ap-south-2', name: 'Hyderabad' },
  { code: 'ap-east-1', name: 'Hong Kong' },
  { code: 'ap-southeast-1', name: 'Singapore' },
  { code: 'ap-southeast-2', name: 'Sydney' },
  { code: 'ap-southeast-3', name: 'Jakarta' },
  { code: 'ap-southeast-4', name: 'Melbourne' },
  { code: 'ap-northeast-1', name: 'Tokyo' },
  { code: 'ap-northeast-2', name: 'Seoul' },
  { code: 'ap-northeast-3', name: 'Osaka' },
];

/** The menu's regions: the known ones, plus the current one if it is not among them (a custom endpoint's). */
export function regionChoices(current: string): readonly RegionInfo[] {
  return REGIONS.some((region) => region.code === current) ? REGIONS : [{ code: current, name: current }, ...REGIONS];
}

export function regionName(code: string): string | undefined {
  return REGIONS.find((region) => region.code === code)?.name;
}
