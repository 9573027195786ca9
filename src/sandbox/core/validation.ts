/**
 * Reads an operation's JSON input the way AWS's service framework does: a value of the wrong JSON type
 * fails at once with `SerializationException`; constraint violations (required, length, range, pattern,
 * enum) are collected and reported together as
 * `2 validation errors detected: Value '…' at 'limit' failed to satisfy constraint: …; Value …`
 * under the service's validation error code (CloudWatch Logs: `InvalidParameterException`).
 */
import type { StringRule } from '../../shared/contract/primitives';
import { ServiceError, serializationError } from './errors';

/** A shared `StringRule` (length, pattern and AWS's text for it), and what else an operation may require. */
export interface StringConstraints extends StringRule {
  readonly required?: boolean;
  readonly oneOf?: readonly string[];
}

export interface NumberConstraints {
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly oneOf?: readonly number[];
}

export interface ListConstraints {
  readonly required?: boolean;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface MapConstraints {
  readonly minEntries?: number;
  readonly maxEntries?: number;
  readonly key?: StringConstraints;
  readonly value?: StringConstraints;
}

const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;

export class InputReader {
  private constructor(
    private readonly input: Readonly<Record<string, unknown>>,
    private readonly violationCode: string,
    private readonly pathPrefix: string,
    private readonly problems: string[],
  ) {}

  /** A reader for a request body; anything but a JSON object is a serialization error. */
  static of(body: unknown, violationCode: string): InputReader {
    if (!isRecord(body)) throw serializationError(`${jsonKind(body)} cannot be converted to a structure`);
    return new InputReader(body, violationCode, '', []);
  }

  string(name: string, constraints: StringConstraints = {}): string | undefined {
    const value = this.present(name);
    if (value === undefined) return this.missing(name, constraints.required);
    if (typeof value !== 'string') throw conversionError(value, 'String');
    this.checkString(this.pathOf(name), value, constraints);
    return value;
  }

  /** A 32-bit integer member. */
  integer(name: string, constraints: NumberConstraints = {}): number | undefined {
    return this.number(name, constraints, 'Integer', INT_MIN, INT_MAX);
  }

  /** A 64-bit integer member (timestamps); limited to what a double holds exactly. */
  long(name: string, constraints: NumberConstraints = {}): number | undefined {
    return this.number(name, constraints, 'Long', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  }

  /** A double member (any finite JSON number). */
  double(name: string, constraints: { readonly required?: boolean } = {}): number | undefined {
    const value = this.present(name);
    if (value === undefined) return this.missing(name, constraints.required);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw conversionError(value, 'Double');
    return value;
  }

  boolean(name: string, constraints: { readonly required?: boolean } = {}): boolean | undefined {
    const value = this.present(name);
    if (value === undefined) return this.missing(name, constraints.required);
    if (typeof value !== 'boolean') throw conversionError(value, 'Boolean');
    return value;
  }

  stringList(name: string, constraints: ListConstraints & { readonly item?: StringConstraints } = {}): string[] | undefined {
    const items = this.list(name, constraints);
    if (items === undefined) return undefined;
    return items.map((item, index) => {
      if (typeof item !== 'string') throw conversionError(item, 'String');
      this.checkString(`${this.pathOf(name)}.${index + 1}.member`, item, constraints.item ?? {});
      return item;
    });
  }

  /** A list of structures; each item gets its own reader whose problems are reported with this one's. */
  structureList(name: string, constraints: ListConstraints = {}): InputReader[] | undefined {
    const items = this.list(name, constraints);
    if (items === undefined) return undefined;
    return items.map((item, index) => {
      if (!isRecord(item)) throw conversionError(item, 'a structure');
      return new InputReader(item, this.violationCode, `${this.pathOf(name)}.${index + 1}.member.`, this.problems);
    });
  }

  stringMap(name: string, constraints: MapConstraints = {}): Record<string, string> | undefined {
    const value = this.present(name);
    if (value === undefined) return undefined;
    if (!isRecord(value)) throw conversionError(value, 'a map');
    const path = this.pathOf(name);
    const entries = Object.entries(value);
    this.checkCount(path, value, entries.length, constraints.minEntries, constraints.maxEntries);
    const result: Record<string, string> = {};
    for (const [key, entry] of entries) {
      if (typeof entry !== 'string') throw conversionError(entry, 'String');
      this.checkString(`${path}.key`, key, constraints.key ?? {});
      this.checkString(`${path}.value`, entry, constraints.value ?? {});
      result[key] = entry;
    }
    return result;
  }

  /** Throws the collected constraint violations, if any. */
  finish(): void {
    const count = this.problems.length;
    if (count === 0) return;
    const noun = count === 1 ? 'error' : 'errors';
    throw new ServiceError(this.violationCode, `${count} validation ${noun} detected: ${this.problems.join('; ')}`);
  }

  /** Records a violation found by the operation itself, reported in the same message format. */
  violation(name: string, value: unknown, constraint: string): void {
    this.problems.push(describeViolation(this.pathOf(name), value, constraint));
  }

  private number(name: string, constraints: NumberConstraints, type: string, lowest: number, highest: number): number | undefined {
    const value = this.present(name);
    if (value === undefined) return this.missing(name, constraints.required);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < lowest || value > highest) {
      throw conversionError(value, type);
    }
    const path = this.pathOf(name);
    if (constraints.min !== undefined && value < constraints.min) {
      this.problems.push(describeViolation(path, value, `Member must have value greater than or equal to ${constraints.min}`));
    }
    if (constraints.max !== undefined && value > constraints.max) {
      this.problems.push(describeViolation(path, value, `Member must have value less than or equal to ${constraints.max}`));
    }
    if (constraints.oneOf !== undefined && !constraints.oneOf.includes(value)) {
      this.problems.push(describeViolation(path, value, `Member must satisfy enum value set: [${constraints.oneOf.join(', ')}]`));
    }
    return value;
  }

  private list(name: string, constraints: ListConstraints): unknown[] | undefined {
    const value = this.present(name);
    if (value === undefined) return this.missing(name, constraints.required);
    if (!Array.isArray(value)) throw conversionError(value, 'a list');
    this.checkCount(this.pathOf(name), value, value.length, constraints.minItems, constraints.maxItems);
    return value;
  }

  private checkString(path: string, value: string, constraints: StringConstraints): void {
    if (constraints.min !== undefined && value.length < constraints.min) {
      this.problems.push(describeViolation(path, value, `Member must have length greater than or equal to ${constraints.min}`));
    }
    if (constraints.max !== undefined && value.length > constraints.max) {
      this.problems.push(describeViolation(path, value, `Member must have length less than or equal to ${constraints.max}`));
    }
    if (constraints.pattern !== undefined && !constraints.pattern.test(value)) {
      const text = constraints.patternText ?? constraints.pattern.source;
      this.problems.push(describeViolation(path, value, `Member must satisfy regular expression pattern: ${text}`));
    }
    if (constraints.oneOf !== undefined && !constraints.oneOf.includes(value)) {
      this.problems.push(describeViolation(path, value, `Member must satisfy enum value set: [${constraints.oneOf.join(', ')}]`));
    }
  }

  private checkCount(path: string, value: unknown, count: number, min: number | undefined, max: number | undefined): void {
    if (min !== undefined && count < min) {
      this.problems.push(describeViolation(path, value, `Member must have length greater than or equal to ${min}`));
    }
    if (max !== undefined && count > max) {
      this.problems.push(describeViolation(path, value, `Member must have length less than or equal to ${max}`));
    }
  }

  /** The member's value; JSON null counts as absent, as it does for AWS. */
  private present(name: string): unknown {
    const value = this.input[name];
    return value === null ? undefined : value;
  }

  private missing(name: string, required: boolean | undefined): undefined {
    if (required) this.problems.push(describeViolation(this.pathOf(name), null, 'Member must not be null'));
    return undefined;
  }

  private pathOf(name: string): string {
    return this.pathPrefix + name;
  }
}

function describeViolation(path: string, value: unknown, constraint: string): string {
  const shown = value === null ? 'null' : `'${formatValue(value)}'`;
  return `Value ${shown} at '${path}' failed to satisfy constraint: ${constraint}`;
}

/** Formats a value the way Java's toString would, which is what AWS prints; long lists are cut short. */
function formatValue(value: unknown): string {
  if (Array.isArray(value)) {
    const shown = value.slice(0, 10).map(formatValue);
    if (value.length > 10) shown.push('…');
    return `[${shown.join(', ')}]`;
  }
  if (isRecord(value)) {
    return `{${Object.entries(value)
      .map(([key, entry]) => `${key}=${formatValue(entry)}`)
      .join(', ')}}`;
  }
  return String(value);
}

function conversionError(value: unknown, type: string): ServiceError {
  return serializationError(`${jsonKind(value)} cannot be converted to ${type}`);
}

/** The JSON token name AWS's parser reports for a value it could not convert. */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'START_ARRAY';
  if (value === null) return 'VALUE_NULL';
  switch (typeof value) {
    case 'string':
      return 'STRING_VALUE';
    case 'number':
      return 'NUMBER_VALUE';
    case 'boolean':
      return value ? 'TRUE_VALUE' : 'FALSE_VALUE';
    default:
      return 'START_OBJECT';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
