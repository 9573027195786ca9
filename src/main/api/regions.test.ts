/** The region list in src/shared must follow the AWS SDK's partition data as the SDK is updated. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { COMMERCIAL_REGIONS } from '../../shared/regions';

function sdkCommercialRegions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const core = dirname(require.resolve('@aws-sdk/core/package.json'));
  const source = readFileSync(join(core, 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js'), 'utf8');
  const data = JSON.parse(source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1)) as {
    partitions: { id: string; regions: Record<string, { description: string }> }[];
  };
  const aws = data.partitions.find((partition) => partition.id === 'aws');
  if (!aws) throw new Error('the SDK has no aws partition');
  return Object.fromEntries(
    Object.entries(aws.regions)
      .filter(([code]) => code !== 'aws-global')
      .map(([code, region]) => [code, region.description]),
  );
}

it('lists exactly the regions of the SDK’s aws partition, with its names', () => {
  const ours = Object.fromEntries(COMMERCIAL_REGIONS.map((region) => [region.code, region.name]));
  expect(ours).toEqual(sdkCommercialRegions());
});
