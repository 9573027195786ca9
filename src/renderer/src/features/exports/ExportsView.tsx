/** The Exports view: a new export on the left; the queue, and what a finished export wrote, on the right. */
import { useState } from 'react';
import type { ExportItem } from '../../../../shared/contract';
import { ExportForm } from './ExportForm';
import { ExportObjectsPanel } from './ExportObjectsPanel';
import { ExportQueuePanel } from './ExportQueuePanel';
import './exports.css';

export function ExportsView() {
  const [browsing, setBrowsing] = useState<ExportItem>();
  return (
    <div className="exports-view">
      <section className="panel export-new" aria-label="New export">
        <div className="toolbar">
          <h2 className="export-heading">Export to S3</h2>
        </div>
        <div className="panel-body export-new-body">
          <ExportForm />
        </div>
      </section>
      <div className="export-side">
        <ExportQueuePanel browsing={browsing?.id} onBrowse={setBrowsing} />
        <ExportObjectsPanel item={browsing} />
      </div>
    </div>
  );
}
