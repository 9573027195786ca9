/**
 * Token kinds of a query for the editor's highlighting. Never throws; every character of the text that
 * is not white space belongs to exactly one token, bad input included (`invalid`).
 */
import { INSIGHTS_COMMANDS, INSIGHTS_KEYWORDS, insightsFunction, UNSUPPORTED_COMMANDS, UNSUPPORTED_FUNCTIONS } from './catalogue';
import { lex, type Lexeme, type LexemeKind } from './lexer';

/** The lexer's kinds, with words told apart by their place: command, keyword, function or field. */
export type InsightsTokenKind = Exclude<LexemeKind, 'word' | 'backquoted'> | 'command' | 'keyword' | 'function' | 'field';

export interface InsightsToken {
  readonly start: number;
  readonly end: number;
  readonly kind: InsightsTokenKind;
}

const KEYWORDS: ReadonlySet<string> = new Set(INSIGHTS_KEYWORDS);
const COMMANDS: ReadonlySet<string> = new Set([...INSIGHTS_COMMANDS.map((command) => command.name), ...UNSUPPORTED_COMMANDS]);

export function tokenizeInsightsQuery(text: string): InsightsToken[] {
  const lexemes = lex(text);
  let commandStart = true;
  let previous: Lexeme | undefined;
  return lexemes.map((lexeme, index) => {
    const afterLimit = previous?.kind === 'word' && previous.text.toLowerCase() === 'limit';
    const kind = afterLimit && lexeme.text.toLowerCase() === 'any' ? 'keyword' : kindOf(lexeme, commandStart, nextSignificant(lexemes, index));
    if (lexeme.kind !== 'comment') {
      commandStart = lexeme.kind === 'punctuation' && lexeme.text === '|';
      previous = lexeme;
    }
    return { start: lexeme.start, end: lexeme.end, kind };
  });
}

function kindOf(lexeme: Lexeme, commandStart: boolean, next: Lexeme | undefined): InsightsTokenKind {
  switch (lexeme.kind) {
    case 'word': {
      const word = lexeme.text.toLowerCase();
      if (commandStart) return COMMANDS.has(word) ? 'command' : 'invalid';
      if (next?.kind === 'punctuation' && next.text === '(') {
        return insightsFunction(word) !== undefined || UNSUPPORTED_FUNCTIONS.includes(word) ? 'function' : 'invalid';
      }
      return KEYWORDS.has(word) ? 'keyword' : 'field';
    }
    case 'backquoted':
      return 'field';
    default:
      return lexeme.kind;
  }
}

function nextSignificant(lexemes: readonly Lexeme[], index: number): Lexeme | undefined {
  for (let at = index + 1; at < lexemes.length; at++) {
    const lexeme = lexemes[at] as Lexeme;
    if (lexeme.kind !== 'comment') return lexeme;
  }
  return undefined;
}
