/**
 * The file names a save or a download suggests: parts such as the group's last name part and the
 * stream, with what file systems refuse (Lambda streams are `2026/11/30/[$LATEST]…`) made harmless.
 */

/** Room for the extension and a counter within the usual 255-character limit. */
const MAX_LENGTH = 200;

/** The last part of a group's name: "/aws/lambda/orders-api" → "orders-api". */
export function groupShortName(logGroupName: string): string {
  return logGroupName.split('/').filter(Boolean).pop() ?? '';
}

export function streamSaveName(logGroupName: string, logStreamName: string, suffix = ''): string {
  return fileNameFrom([groupShortName(logGroupName), logStreamName, suffix]);
}

/** The parts, space-separated, as a name the save dialog accepts ("events" when nothing is left). */
export function fileNameFrom(parts: readonly string[]): string {
  const name = parts
    .filter(Boolean)
    .join(' ')
    .replace(/[/\\:*?"<>|\x00-\x1f]+/g, '_')
    .trim()
    .slice(0, MAX_LENGTH);
  return name === '' || /^\.+$/.test(name) ? 'events' : name;
}
