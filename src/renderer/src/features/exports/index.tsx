import { placeholderView } from '../../app/placeholderView';
import { ExportsIcon } from '../../components/icons';

export const exportsView = placeholderView({
  id: 'exports',
  title: 'Exports',
  icon: <ExportsIcon />,
  purpose: 'Export log groups to S3 and download the exported files, with progress you can follow and cancel.',
});
