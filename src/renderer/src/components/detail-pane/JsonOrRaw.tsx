/** A text shown as a JSON tree when it is JSON, with a switch to its raw text; the raw text otherwise. Inert either way. */
import { useState } from 'react';
import type { TextSpan } from '../../../../shared/languages/filter-pattern';
import type { JsonPath } from '../event-table/jsonPath';
import { MessageText } from '../message/MessageText';
import { JsonTree } from './JsonTree';

interface JsonOrRawProps {
  readonly text: string;
  /** The text parsed; anything but an object or array is shown raw. */
  readonly json: unknown;
  /** The tree's accessible name, e.g. "Fields of the message". */
  readonly treeLabel: string;
  /** The switch's accessible name, e.g. "Show the message as". */
  readonly switchLabel: string;
  readonly onAddColumn?: (path: JsonPath) => void;
  readonly hasColumn?: (path: JsonPath) => boolean;
  /** Ranges of the raw text to highlight. */
  readonly highlights?: readonly TextSpan[];
}

export function JsonOrRaw({ text, json, treeLabel, switchLabel, onAddColumn, hasColumn, highlights }: JsonOrRawProps) {
  const [view, setView] = useState<'tree' | 'raw'>('tree');
  const isJson = typeof json === 'object' && json !== null;
  return (
    <>
      {isJson && (
        <div className="segmented detail-switch" role="group" aria-label={switchLabel}>
          <button type="button" aria-pressed={view === 'tree'} onClick={() => setView('tree')}>
            JSON
          </button>
          <button type="button" aria-pressed={view === 'raw'} onClick={() => setView('raw')}>
            Raw text
          </button>
        </div>
      )}
      <div className="detail-body">
        {isJson && view === 'tree' ? (
          <JsonTree value={json} label={treeLabel} onAddColumn={onAddColumn} hasColumn={hasColumn} />
        ) : (
          <MessageText text={text} highlights={highlights} wrap className="detail-raw" />
        )}
      </div>
    </>
  );
}
