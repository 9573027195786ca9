/**
 * What the search worker does with each message from the page: keep its copy of the loaded messages
 * in step, run the wanted search (replacing any before it), and match pages that arrive after it
 * answered. Apart from the worker's global scope, so it can be tested directly.
 */
import { EventStore } from '../event-table/eventStore';
import type { FromWorker, ToWorker } from './protocol';
import { searchLoaded, searchPage } from './searchLoaded';
import { compileQuery } from './searchQuery';

export class SearchWorkerCore {
  private readonly messages = new EventStore<string>();
  /** The search that is wanted; later pages are matched against it once it has answered. */
  private current: { id: number; matches: (message: string) => boolean; answered: boolean } | undefined;
  private readonly yielder = new MessageChannel();

  constructor(private readonly post: (message: FromWorker, transfer: Transferable[]) => void) {}

  handle(message: ToWorker): void {
    switch (message.type) {
      case 'append':
      case 'prepend': {
        if (message.type === 'append') this.messages.append(message.messages);
        else this.messages.prepend(message.messages);
        // A search still running takes the page in itself; one that has answered gets its matches now.
        const current = this.current;
        if (current?.answered) {
          const keys = searchPage(message.messages, message.firstKey, current.matches);
          if (keys.length > 0) this.post({ type: 'more', id: current.id, side: message.type, keys }, [keys.buffer]);
        }
        break;
      }
      case 'drop':
        this.messages.dropOldest(this.messages.endKey - message.firstKey);
        break;
      case 'clear':
        this.messages.clear();
        break;
      case 'search': {
        const arrived = performance.now();
        const compiled = compileQuery(message.query);
        if (!compiled.ok) {
          this.current = undefined;
          this.post({ type: 'failed', id: message.id, message: compiled.message }, []);
          break;
        }
        this.current = { id: message.id, matches: compiled.matches, answered: false };
        void this.run(message.id, compiled.matches, arrived);
        break;
      }
      case 'stop':
        this.current = undefined;
        break;
    }
  }

  /** Closes the channel used to pause, so the worker (or a test) can end. */
  close(): void {
    this.yielder.port1.close();
    this.yielder.port2.close();
  }

  private async run(id: number, matches: (message: string) => boolean, arrived: number): Promise<void> {
    const keys = await searchLoaded(this.messages, matches, () => this.pause(id));
    const current = this.current;
    if (keys === undefined || current?.id !== id) return;
    current.answered = true;
    this.post({ type: 'result', id, keys, workerMs: performance.now() - arrived }, [keys.buffer]);
  }

  /** Lets queued messages (new pages, a newer search) in, then says whether search `id` is still wanted. */
  private pause(id: number): Promise<boolean> {
    return new Promise((resolve) => {
      this.yielder.port1.onmessage = () => resolve(this.current?.id === id);
      this.yielder.port2.postMessage(null);
    });
  }
}
