/** The syntax tree of a metric math expression; every node knows where it is in the text. */
import type { SearchQuery } from './search-query';

interface Located {
  /** Zero-based offset of the node's first character. */
  readonly start: number;
  /** Offset just after its last character. */
  readonly end: number;
}

export type BinaryOperator = '+' | '-' | '*' | '/' | '^' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR';

export type MathExpression =
  | (Located & { readonly kind: 'number'; readonly value: number })
  | (Located & { readonly kind: 'string'; readonly value: string })
  /** A reference to another query's id, e.g. `m1`. */
  | (Located & { readonly kind: 'id'; readonly id: string })
  /** A bare word a function takes: REPEAT, LINEAR, ASC, DESC, or SORT's SUM/AVG/… */
  | (Located & { readonly kind: 'keyword'; readonly word: string })
  | (Located & { readonly kind: 'array'; readonly items: readonly MathExpression[] })
  | (Located & { readonly kind: 'negate'; readonly operand: MathExpression })
  | (Located & { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly left: MathExpression; readonly right: MathExpression })
  | (Located & {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly MathExpression[];
      /** SEARCH's first argument, parsed. */
      readonly search?: SearchQuery;
    });

/** The query ids an expression refers to, in order of appearance, each once. */
export function referencedIds(expression: MathExpression): string[] {
  const ids = new Set<string>();
  const visit = (node: MathExpression): void => {
    switch (node.kind) {
      case 'id':
        ids.add(node.id);
        return;
      case 'array':
        node.items.forEach(visit);
        return;
      case 'negate':
        visit(node.operand);
        return;
      case 'binary':
        visit(node.left);
        visit(node.right);
        return;
      case 'call':
        node.args.forEach(visit);
        return;
      default:
        return;
    }
  };
  visit(expression);
  return [...ids];
}

/** Whether an expression calls a function anywhere (e.g. METRICS, SEARCH). */
export function callsFunction(expression: MathExpression, name: string): boolean {
  switch (expression.kind) {
    case 'call':
      return expression.name === name || expression.args.some((arg) => callsFunction(arg, name));
    case 'array':
      return expression.items.some((item) => callsFunction(item, name));
    case 'negate':
      return callsFunction(expression.operand, name);
    case 'binary':
      return callsFunction(expression.left, name) || callsFunction(expression.right, name);
    default:
      return false;
  }
}
