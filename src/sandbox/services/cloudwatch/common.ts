/**
 * Input reading and errors shared by the CloudWatch operations. CloudWatch is a query-protocol service at
 * heart: its errors name parameters by their query path (`MetricData.member.1.Value`) whatever protocol the
 * request came in, and its codes are the query ones (InvalidParameterValue, MissingParameter,
 * InvalidParameterCombination), which the JSON and CBOR codecs map to the model's error shapes.
 */
import { decodeCursor, encodeCursor } from '../../core/cursor';
import { ServiceError } from '../../core/errors';
import type { Dimension } from './series';

export function invalidValue(message: string): ServiceError {
  return new ServiceError('InvalidParameterValue', message);
}

export function missingParameter(path: string): ServiceError {
  return new ServiceError('MissingParameter', `The parameter ${path} is required.`);
}

export function invalidCombination(message: string): ServiceError {
  return new ServiceError('InvalidParameterCombination', message);
}

export function invalidNextToken(): ServiceError {
  return new ServiceError('InvalidNextToken', 'The specified next token is invalid.');
}

/** Reads one structure of an operation's input, naming its members by their query path in errors. */
export class CloudWatchInput {
  private constructor(
    private readonly record: Readonly<Record<string, unknown>>,
    /** The structure's query path, '' at the top. */
    readonly path: string,
  ) {}

  static of(input: unknown): CloudWatchInput {
    return new CloudWatchInput(isRecord(input) ? input : {}, '');
  }

  pathOf(name: string): string {
    return this.path === '' ? name : `${this.path}.${name}`;
  }

  has(name: string): boolean {
    return this.record[name] !== undefined && this.record[name] !== null;
  }

  private value(name: string, required: boolean): unknown {
    const value = this.record[name];
    if (value === undefined || value === null) {
      if (required) throw missingParameter(this.pathOf(name));
      return undefined;
    }
    return value;
  }

  /** `minLength` defaults to 1 (the model's usual minimum; an alarm description or a tag value may be empty). */
  string(name: string, options: { readonly required?: boolean; readonly maxLength?: number; readonly minLength?: number } = {}): string | undefined {
    const value = this.value(name, options.required ?? false);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw invalidValue(`The value for parameter ${this.pathOf(name)} must be a string.`);
    const minLength = options.minLength ?? 1;
    if (value.length < minLength || (options.maxLength !== undefined && value.length > options.maxLength)) {
      throw invalidValue(`The parameter ${this.pathOf(name)} must be between ${minLength} and ${options.maxLength ?? 'unlimited'} characters long.`);
    }
    return value;
  }

  number(name: string, options: { readonly required?: boolean } = {}): number | undefined {
    const value = this.value(name, options.required ?? false);
    if (value === undefined) return undefined;
    if (typeof value !== 'number') throw invalidValue(`The value for parameter ${this.pathOf(name)} must be a number.`);
    return value;
  }

  integer(name: string, options: { readonly required?: boolean } = {}): number | undefined {
    const value = this.number(name, options);
    if (value !== undefined && !Number.isInteger(value)) throw invalidValue(`The value ${value} for parameter ${this.pathOf(name)} is not an integer.`);
    return value;
  }

  boolean(name: string): boolean | undefined {
    const value = this.value(name, false);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw invalidValue(`The value for parameter ${this.pathOf(name)} must be true or false.`);
    return value;
  }

  /** A timestamp member (epoch seconds in every protocol's input), in epoch milliseconds. */
  timestampMs(name: string, options: { readonly required?: boolean } = {}): number | undefined {
    const value = this.value(name, options.required ?? false);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidValue(`The value for parameter ${this.pathOf(name)} must be a timestamp.`);
    return Math.round(value * 1000);
  }

  structure(name: string, options: { readonly required?: boolean } = {}): CloudWatchInput | undefined {
    const value = this.value(name, options.required ?? false);
    if (value === undefined) return undefined;
    if (!isRecord(value)) throw invalidValue(`The value for parameter ${this.pathOf(name)} must be a structure.`);
    return new CloudWatchInput(value, this.pathOf(name));
  }

  /** A list member's items as raw values, with the path of each item (`Name.member.N`). */
  list(name: string, options: { readonly required?: boolean; readonly max?: number } = {}): { readonly value: unknown; readonly path: string }[] | undefined {
    const value = this.value(name, options.required ?? false);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw invalidValue(`The value for parameter ${this.pathOf(name)} must be a list.`);
    if (options.max !== undefined && value.length > options.max) {
      throw invalidValue(`The collection ${this.pathOf(name)} must not have a size greater than ${options.max}.`);
    }
    return value.map((item: unknown, i) => ({ value: item, path: `${this.pathOf(name)}.member.${i + 1}` }));
  }

  /** A list of structures. */
  structures(name: string, options: { readonly required?: boolean; readonly max?: number } = {}): CloudWatchInput[] | undefined {
    return this.list(name, options)?.map(({ value, path }) => {
      if (!isRecord(value)) throw invalidValue(`The value for parameter ${path} must be a structure.`);
      return new CloudWatchInput(value, path);
    });
  }

  /** A list of strings. */
  strings(name: string, options: { readonly required?: boolean; readonly max?: number } = {}): string[] | undefined {
    return this.list(name, options)?.map(({ value, path }) => {
      if (typeof value !== 'string') throw invalidValue(`The value for parameter ${path} must be a string.`);
      return value;
    });
  }

  /** A list of numbers. */
  numbers(name: string, options: { readonly max?: number } = {}): number[] | undefined {
    return this.list(name, options)?.map(({ value, path }) => {
      if (typeof value !== 'number') throw invalidValue(`The value for parameter ${path} must be a number.`);
      return value;
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** AWS's limit on a metric's dimensions. */
export const MAX_DIMENSIONS = 30;

/**
 * A metric's dimensions (`Dimensions.member.N.Name/Value`): each with a name (1–255 characters, not starting
 * with `:`) and a value (1–1024), names unique, at most 30.
 */
export function readDimensions(input: CloudWatchInput, name = 'Dimensions'): Dimension[] {
  const items = input.structures(name, { max: MAX_DIMENSIONS }) ?? [];
  const seen = new Set<string>();
  return items.map((item) => {
    const dimensionName = item.string('Name', { required: true, maxLength: 255 })!;
    const value = item.string('Value', { required: true, maxLength: 1024 })!;
    if (dimensionName.startsWith(':')) throw invalidValue(`The value ${dimensionName} for parameter ${item.pathOf('Name')} is invalid: a dimension name cannot start with a colon.`);
    if (seen.has(dimensionName)) throw invalidValue(`The collection ${input.pathOf(name)} contains the dimension name ${dimensionName} more than once.`);
    seen.add(dimensionName);
    return { Name: dimensionName, Value: value };
  });
}

/** A namespace: 1–255 characters, not starting with `:` (the model's pattern `[^:].*`). */
export function readNamespace(input: CloudWatchInput, options: { readonly required?: boolean } = {}): string | undefined {
  const namespace = input.string('Namespace', { required: options.required, maxLength: 255 });
  if (namespace?.startsWith(':')) throw invalidValue(`The value ${namespace} for parameter ${input.pathOf('Namespace')} is invalid: a namespace cannot start with a colon.`);
  return namespace;
}

/** The units a datum or query may name (the model's StandardUnit). */
export const STANDARD_UNITS: readonly string[] = [
  'Seconds', 'Microseconds', 'Milliseconds', 'Bytes', 'Kilobytes', 'Megabytes', 'Gigabytes', 'Terabytes', 'Bits', 'Kilobits', 'Megabits',
  'Gigabits', 'Terabits', 'Percent', 'Count', 'Bytes/Second', 'Kilobytes/Second', 'Megabytes/Second', 'Gigabytes/Second', 'Terabytes/Second',
  'Bits/Second', 'Kilobits/Second', 'Megabits/Second', 'Gigabits/Second', 'Terabits/Second', 'Count/Second', 'None',
];

export function readUnit(input: CloudWatchInput): string | undefined {
  const unit = input.string('Unit');
  if (unit !== undefined && !STANDARD_UNITS.includes(unit)) {
    throw invalidValue(`The value ${unit} for parameter ${input.pathOf('Unit')} is not a valid unit. Valid units: ${STANDARD_UNITS.join(', ')}.`);
  }
  return unit;
}

/** Opaque pagination cursors, bound to the request they continue. */
export function encodeToken(value: unknown): string {
  return encodeCursor(value);
}

export function decodeToken<T>(token: string, isValid: (value: unknown) => value is T): T {
  return decodeCursor(token, isValid, invalidNextToken);
}
