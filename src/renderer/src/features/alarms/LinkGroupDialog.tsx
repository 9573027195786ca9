/** Links a log group (and a filter pattern to search it with) to an alarm, for "why did it fire". */
import { useState } from 'react';
import { LOG_GROUP_NAME } from '../../../../shared/contract/logs-rules';
import { stringOf } from '../../../../shared/contract/primitives';
import { parseFilterPattern } from '../../../../shared/languages/filter-pattern';
import { useScope } from '../../app/scope';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FilterPatternInput } from '../../components/filter-pattern/FilterPatternInput';
import { useGroupPreferences } from '../../components/group-preferences/useGroupPreferences';
import type { LinkedGroup } from './linkedGroups';

interface LinkGroupDialogProps {
  readonly alarmName: string;
  readonly initial: LinkedGroup | undefined;
  readonly onClose: () => void;
  readonly onLink: (link: LinkedGroup) => void;
}

const GROUP_NAME = stringOf(LOG_GROUP_NAME);

export function LinkGroupDialog({ alarmName, initial, onClose, onLink }: LinkGroupDialogProps) {
  const { key } = useScope();
  const [preferences] = useGroupPreferences(key);
  const [group, setGroup] = useState(initial?.logGroupName ?? '');
  const [pattern, setPattern] = useState(initial?.filterPattern ?? '');
  const [tried, setTried] = useState(false);
  const suggestions = [...new Set([...preferences.favourites, ...preferences.recent])];
  const checkedName = GROUP_NAME.safeParse(group.trim());
  const problem = group.trim() === '' ? 'Type the name of a log group.' : checkedName.success ? undefined : `A log group name ${checkedName.error.issues[0]?.message ?? 'is not valid'}.`;

  function submit() {
    setTried(true);
    // A pattern that does not parse is marked under its field by FilterPatternInput.
    if (problem || !parseFilterPattern(pattern.trim()).ok) return;
    onLink({ logGroupName: group.trim(), filterPattern: pattern.trim() });
  }

  return (
    <Dialog title="Link a log group" subtitle={<span className="mono">{alarmName}</span>} size="small" onClose={onClose}>
      <DialogBody>
        <p className="state-text">“Why did it fire” will search this group over each breach. The link is kept on this computer, for this connection and region.</p>
        <Field label="Log group" error={tried ? problem : undefined} hint={suggestions.length > 0 ? 'Your favourite and recently opened groups are offered as you type.' : undefined}>
          {(aria) => (
            <>
              <input
                {...aria}
                className="input mono"
                list="alarm-link-groups"
                autoComplete="off"
                spellCheck={false}
                value={group}
                onChange={(event) => setGroup(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') submit();
                }}
                data-autofocus
              />
              <datalist id="alarm-link-groups">
                {suggestions.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <FilterPatternInput value={pattern} onChange={setPattern} onSubmit={submit} placeholder="Searched over the breach window, e.g. ERROR or { $.status >= 500 }" />
      </DialogBody>
      <DialogFooter>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" onClick={submit}>
          Link
        </button>
      </DialogFooter>
    </Dialog>
  );
}
