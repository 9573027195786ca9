/**
 * The graph's Source: the GetMetricData request as JSON and as an AWS CLI command. Both can be edited
 * and applied back to the graph; a mistake is shown with its place and the graph stays as it was.
 */
import { useId, useState } from 'react';
import { CheckIcon, CopyIcon } from '../../../components/icons';
import { MistakeMarker } from '../../../components/MistakeMarker';
import { useCopy } from '../../../components/useCopy';
import type { Graph } from './graph';
import { graphFromCommand, graphFromJson, sourceCommand, sourceJson, type SourceBasis, type SourceMistake } from './graphSource';

type SourceKind = 'json' | 'cli';

interface SourcePanelProps {
  readonly graph: Graph;
  readonly basis: SourceBasis;
  readonly onApply: (graph: Graph) => void;
}

export function SourcePanel({ graph, basis, onApply }: SourcePanelProps) {
  const [kind, setKind] = useState<SourceKind>('json');
  const [draft, setDraft] = useState<string | null>(null);
  const [mistake, setMistake] = useState<SourceMistake | null>(null);
  const id = useId();
  const shown = kind === 'json' ? sourceJson(graph, basis) : sourceCommand(graph, basis);
  const text = draft ?? shown;
  const { copy, stateOf } = useCopy();
  const copied = stateOf('source') === 'copied';

  function apply() {
    if (draft === null) return;
    const parsed = kind === 'json' ? graphFromJson(draft, graph, basis) : graphFromCommand(draft, graph, basis);
    if (!parsed.ok) {
      setMistake(parsed);
      return;
    }
    setMistake(null);
    setDraft(null);
    onApply(parsed.graph);
  }

  function switchTo(next: SourceKind) {
    setKind(next);
    setDraft(null);
    setMistake(null);
  }

  return (
    <div className="source-panel">
      <div className="source-toolbar">
        <div className="segmented" role="group" aria-label="Source as">
          <button type="button" aria-pressed={kind === 'json'} onClick={() => switchTo('json')}>
            GetMetricData JSON
          </button>
          <button type="button" aria-pressed={kind === 'cli'} onClick={() => switchTo('cli')}>
            AWS CLI command
          </button>
        </div>
        <span className="toolbar-spacer" />
        <button type="button" className="button button-quiet" onClick={() => void copy('source', text)}>
          {copied ? <CheckIcon /> : <CopyIcon />}
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={draft === null}
          onClick={() => {
            setDraft(null);
            setMistake(null);
          }}
        >
          Discard changes
        </button>
        <button type="button" className="button" disabled={draft === null} onClick={apply}>
          Apply to graph
        </button>
      </div>
      <textarea
        id={id}
        className="input mono source-text"
        aria-label={kind === 'json' ? 'GetMetricData request as JSON' : 'AWS CLI command'}
        value={text}
        spellCheck={false}
        aria-invalid={mistake !== null}
        aria-describedby={mistake ? `${id}-mistake` : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          setMistake(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            apply();
          }
        }}
      />
      {mistake ? (
        <MistakeMarker id={`${id}-mistake`} text={text} message={mistake.message} position={mistake.position} length={mistake.length} />
      ) : (
        <p className="field-hint">
          Edit and apply (Ctrl+Enter): queries become the graph’s series, keeping each id’s colour and axis. Times are UTC; leaving them as they are keeps
          the graph’s own range.
        </p>
      )}
    </div>
  );
}
