/** Amazon S3 (REST-XML). Its operations come in a later issue: until then signed requests are answered `NotImplemented`. */
import { ServiceError } from '../../core/errors';
import type { ServiceDefinition } from '../service';

export const s3: ServiceDefinition = {
  name: 's3',
  signingName: 's3',
  protocols: [{ protocol: 'restXml' }],
  operations: {},
  throttlingError: () => new ServiceError('SlowDown', 'Please reduce your request rate.', 503),
};
