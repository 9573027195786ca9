/**
 * The file name "Save loaded…" suggests for a stream's events: the group's last name part and the
 * stream, with what file systems refuse (Lambda streams are `2026/11/30/[$LATEST]…`) made harmless.
 */

/** Room for the extension and a counter within the usual 255-character limit. */
const MAX_LENGTH = 200;

export function streamSaveName(logGroupName: string, logStreamName: string, suffix = ''): string {
  const group = logGroupName.split('/').filter(Boolean).pop() ?? '';
  const name = [group, logStreamName, suffix]
    .filter(Boolean)
    .join(' ')
    .replace(/[/\\:*?"<>|\x00-\x1f]+/g, '_')
    .trim()
    .slice(0, MAX_LENGTH);
  return name === '' || /^\.+$/.test(name) ? 'events' : name;
}
