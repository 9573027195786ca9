/**
 * The search worker: a copy of the loaded messages, kept in step with the page's store, searched off
 * the page's main thread so the table stays responsive however much is loaded.
 */
import type { ToWorker } from './protocol';
import { SearchWorkerCore } from './searchWorkerCore';

const scope = self as unknown as Worker;
const core = new SearchWorkerCore((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event: MessageEvent<ToWorker>) => core.handle(event.data);
