import { describe, expect, it } from 'vitest';
import { tailColumns, tailKey, tailSaveName, tailSubject } from './tailRequest';

describe('tailKey', () => {
  it('is the same for the same tail, whatever object it comes in', () => {
    expect(tailKey({ logGroupNames: ['/a'], filterPattern: '' })).toBe(tailKey({ logGroupNames: ['/a'] }));
    expect(tailKey({ logGroupNames: ['/a'], logStreamNames: undefined })).toBe(tailKey({ logGroupNames: ['/a'] }));
  });

  it('differs when the groups, streams, prefixes or pattern differ', () => {
    const keys = [
      tailKey({ logGroupNames: ['/a'] }),
      tailKey({ logGroupNames: ['/a', '/b'] }),
      tailKey({ logGroupNames: ['/b', '/a'] }),
      tailKey({ logGroupNames: ['/a'], logStreamNames: ['s'] }),
      tailKey({ logGroupNames: ['/a'], logStreamNamePrefixes: ['s'] }),
      tailKey({ logGroupNames: ['/a'], filterPattern: 'ERROR' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('tailSubject', () => {
  it('names one group, counts several, and says which streams', () => {
    expect(tailSubject({ logGroupNames: ['/aws/lambda/orders'] })).toBe('/aws/lambda/orders');
    expect(tailSubject({ logGroupNames: ['/a', '/b', '/c'] })).toBe('3 log groups');
    expect(tailSubject({ logGroupNames: ['/ecs/web'], logStreamNames: ['web-1'] })).toBe('/ecs/web, stream web-1');
    expect(tailSubject({ logGroupNames: ['/ecs/web'], logStreamNames: ['web-1', 'web-2'] })).toBe('/ecs/web, streams web-1, web-2');
    expect(tailSubject({ logGroupNames: ['/ecs/web'], logStreamNamePrefixes: ['web-', 'api-'] })).toBe('/ecs/web, streams starting “web-” or “api-”');
  });
});

describe('tailColumns', () => {
  it('adds the group column only when several groups are tailed', () => {
    expect(tailColumns({ logGroupNames: ['/a'] }).map((column) => column.kind)).toEqual(['time', 'stream', 'message']);
    expect(tailColumns({ logGroupNames: ['/a', '/b'] }).map((column) => column.kind)).toEqual(['time', 'group', 'stream', 'message']);
  });
});

describe('tailSaveName', () => {
  it('makes a file name of the group', () => {
    expect(tailSaveName({ logGroupNames: ['/aws/lambda/orders-api'] })).toBe('live-tail-aws-lambda-orders-api');
    expect(tailSaveName({ logGroupNames: ['/a', '/b'] })).toBe('live-tail-2-groups');
    expect(tailSaveName({ logGroupNames: ['#/'] })).toBe('live-tail');
  });
});
