/**
 * Logs Insights for the query editor: the shared grammar's tokenizer and parser, and completion of
 * commands (where a command goes), functions, keywords and the chosen groups' fields with their share
 * of events.
 */
import type { GroupField } from '../../../../shared/contract';
import {
  INSIGHTS_COMMANDS,
  INSIGHTS_FUNCTIONS,
  INSIGHTS_KEYWORDS,
  parseInsightsQuery,
  tokenizeInsightsQuery,
} from '../../../../shared/languages/insights';
import type { CompletionItem, Completions, EditorMistake, QueryLanguage } from '../../components/query-editor/language';

/** Fields every group has, whether or not GetLogGroupFields has been asked yet. */
const ALWAYS_FIELDS = ['@timestamp', '@message', '@logStream', '@log', '@ingestionTime', '@ptr'];

const WORD_CHAR = /[\w@.$]/;

export function insightsLanguage(fields: readonly GroupField[]): QueryLanguage {
  const fieldItems = fieldCompletions(fields);
  return {
    name: 'Logs Insights query',
    tokenize: tokenizeInsightsQuery,
    complete: (text, position, explicit) => completeAt(text, position, explicit, fieldItems),
    check: checkInsightsQuery,
  };
}

export function checkInsightsQuery(text: string): readonly EditorMistake[] {
  if (text.trim() === '') return [];
  const parsed = parseInsightsQuery(text);
  if (parsed.ok) return [];
  const { message, start, end, unsupported } = parsed.error;
  return [{ start, end: Math.max(end, start), message, ...(unsupported ? { warning: true } : {}) }];
}

function fieldCompletions(fields: readonly GroupField[]): CompletionItem[] {
  const known = new Map(fields.map((field) => [field.name, field.percent]));
  for (const name of ALWAYS_FIELDS) if (!known.has(name)) known.set(name, 100);
  return [...known].map(([name, percent]) => ({
    label: name,
    kind: 'field',
    detail: `field · in ${formatPercent(percent)} of events`,
    // Common fields first among equally good matches.
    boost: Math.round(percent / 25) - 4,
  }));
}

const COMMAND_ITEMS: CompletionItem[] = INSIGHTS_COMMANDS.map((command) => ({
  label: command.name,
  apply: `${command.name} `,
  kind: 'command',
  detail: 'command',
  info: `${command.signature}\n\n${command.summary}`,
}));

const FUNCTION_ITEMS: CompletionItem[] = INSIGHTS_FUNCTIONS.map((fn) => ({
  label: fn.name,
  apply: `${fn.name}(`,
  kind: 'function',
  detail: `${fn.kind} function`,
  info: `${fn.signature}\n\n${fn.summary}`,
}));

const KEYWORD_ITEMS: CompletionItem[] = INSIGHTS_KEYWORDS.map((keyword) => ({ label: keyword, apply: `${keyword} `, kind: 'keyword', boost: -1 }));

/** What fits at the cursor: a command at the start of the query or after `|`; otherwise fields, functions and keywords. */
export function completeAt(text: string, position: number, explicit: boolean, fields: readonly CompletionItem[]): Completions | null {
  let from = position;
  while (from > 0 && WORD_CHAR.test(text[from - 1] ?? '')) from -= 1;
  const before = text.slice(0, from).replace(/#[^\n]*$/gm, '').trimEnd();
  const inComment = /#[^\n]*$/.test(text.slice(0, position).split('\n').at(-1) ?? '');
  if (inComment || insideQuotes(text.slice(0, from))) return null;
  const word = text.slice(from, position);
  const atCommand = before === '' || before.endsWith('|');
  if (word === '' && !explicit && !atCommand) return null;
  if (word === '' && !explicit && atCommand && before !== '' && !/\|\s+$/.test(text.slice(0, position))) return null;
  if (atCommand) return { from, items: COMMAND_ITEMS };
  return { from, items: [...fields, ...FUNCTION_ITEMS, ...KEYWORD_ITEMS] };
}

/** Whether the text ends inside a string or a regex (completion there would only get in the way). */
function insideQuotes(text: string): boolean {
  let quote: string | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote !== undefined) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') {
      quote = char;
    }
  }
  return quote !== undefined;
}

function formatPercent(percent: number): string {
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}
