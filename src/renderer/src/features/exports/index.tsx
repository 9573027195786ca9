/** The Exports view: log groups out to S3 through a queue of export tasks, the bucket policy they need, and the exported objects. */
import type { ViewDescriptor } from '../../app/viewDescriptor';
import { ExportsIcon } from '../../components/icons';
import { ExportsView } from './ExportsView';

export const exportsView: ViewDescriptor = {
  id: 'exports',
  title: 'Exports',
  icon: <ExportsIcon />,
  route: '/exports',
  element: () => <ExportsView />,
};
