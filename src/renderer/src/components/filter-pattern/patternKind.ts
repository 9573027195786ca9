/** Which kind a filter pattern is, in words, so the input can say how the pattern will be read. */
import type { FilterPattern } from '../../../../shared/languages/filter-pattern';

export function patternKindLabel(pattern: FilterPattern): string {
  switch (pattern.kind) {
    case 'all':
      return 'All events';
    case 'terms':
      return pattern.source.trimStart().startsWith('%') ? 'Regex' : 'Terms';
    case 'json':
      return 'JSON';
    case 'delimited':
      return 'Space-delimited';
  }
}
