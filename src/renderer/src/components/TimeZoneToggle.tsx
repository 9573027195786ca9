import { useTimeZone } from './TimeZone';

/** A two-way switch between local time and UTC. */
export function TimeZoneToggle() {
  const { zone, setZone } = useTimeZone();
  return (
    <div className="segmented" role="group" aria-label="Time zone">
      <button type="button" aria-pressed={zone === 'local'} onClick={() => setZone('local')}>
        Local
      </button>
      <button type="button" aria-pressed={zone === 'utc'} onClick={() => setZone('utc')}>
        UTC
      </button>
    </div>
  );
}
