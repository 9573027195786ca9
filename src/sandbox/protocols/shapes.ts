/**
 * A service's shapes (from its botocore/Smithy model) as the query protocol needs them: to read flattened
 * form parameters (`Dimensions.member.1.Name`, `Map.entry.1.key`) into the same input object the JSON and
 * CBOR protocols carry, and to write an operation's output object as XML (`<member>` lists, `<entry>` maps,
 * ISO 8601 timestamps). Inputs carry timestamps as epoch seconds, as AWS JSON does.
 */
import { ServiceError } from '../core/errors';
import { escapeXml } from '../core/xml';

export type ScalarType = 'string' | 'integer' | 'long' | 'double' | 'boolean' | 'timestamp' | 'blob';

/** A member's shape: a scalar type, or the name of a structure, list or map in `shapes`. */
export type ShapeRef = ScalarType | (string & {});

export type Shape =
  | { readonly type: 'structure'; readonly members: Readonly<Record<string, ShapeRef>> }
  | { readonly type: 'list'; readonly member: ShapeRef }
  | {
      readonly type: 'map';
      readonly key: ShapeRef;
      readonly value: ShapeRef;
      /** The entry members' names on the wire when the model renames them (SNS: `entry.N.Name`, `entry.N.Value`); default `key`, `value`. */
      readonly keyName?: string;
      readonly valueName?: string;
    };

export interface ShapeModel {
  readonly operations: Readonly<Record<string, { readonly input?: string; readonly output?: string }>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}

const SCALARS: readonly string[] = ['string', 'integer', 'long', 'double', 'boolean', 'timestamp', 'blob'];

function isScalar(ref: ShapeRef): ref is ScalarType {
  return SCALARS.includes(ref);
}

function shapeOf(model: ShapeModel, ref: string): Shape {
  const shape = model.shapes[ref];
  if (shape === undefined) throw new Error(`The shape ${ref} is not in the model`);
  return shape;
}

/**
 * Reads an operation's form parameters into its input object. A value that cannot be read as its type is an
 * `InvalidParameterValue` (or `MalformedQueryString` for a timestamp), as the query protocol reports it.
 */
export function readQueryInput(model: ShapeModel, operation: string, parameters: URLSearchParams): Record<string, unknown> {
  const inputShape = model.operations[operation]?.input;
  if (inputShape === undefined) return {};
  const values = new Map<string, string>();
  const prefixes = new Set<string>();
  for (const [name, value] of parameters) {
    values.set(name, value);
    for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) prefixes.add(name.slice(0, dot));
  }
  const present = (key: string): boolean => values.has(key) || prefixes.has(key);

  const read = (ref: ShapeRef, key: string): unknown => {
    if (isScalar(ref)) return readScalar(ref, key, values.get(key)!);
    const shape = shapeOf(model, ref);
    switch (shape.type) {
      case 'structure': {
        const result: Record<string, unknown> = {};
        for (const [member, memberRef] of Object.entries(shape.members)) {
          const memberKey = `${key}.${member}`.replace(/^\./, '');
          if (present(memberKey)) result[member] = read(memberRef, memberKey);
        }
        return result;
      }
      case 'list': {
        // `Name=` (empty) is an empty list.
        const items: unknown[] = [];
        for (let i = 1; present(`${key}.member.${i}`); i++) items.push(read(shape.member, `${key}.member.${i}`));
        return items;
      }
      case 'map': {
        const entries: Record<string, unknown> = {};
        for (let i = 1; present(`${key}.entry.${i}`); i++) {
          const name = values.get(`${key}.entry.${i}.${shape.keyName ?? 'key'}`);
          if (name !== undefined) entries[name] = read(shape.value, `${key}.entry.${i}.${shape.valueName ?? 'value'}`);
        }
        return entries;
      }
    }
  };
  return read(inputShape, '') as Record<string, unknown>;
}

function readScalar(type: ScalarType, key: string, text: string): unknown {
  switch (type) {
    case 'string':
    case 'blob':
      return text;
    case 'boolean':
      if (text === 'true' || text === 'false') return text === 'true';
      throw invalidValue(text, key);
    case 'integer':
    case 'long': {
      const value = Number(text);
      if (text.trim() === '' || !Number.isInteger(value)) throw invalidValue(text, key);
      return value;
    }
    case 'double': {
      const value = Number(text);
      if (text.trim() === '' || Number.isNaN(value)) throw invalidValue(text, key);
      return value;
    }
    case 'timestamp': {
      const seconds = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Date.parse(text) / 1000;
      if (!Number.isFinite(seconds)) throw new ServiceError('MalformedQueryString', `Invalid timestamp ${text} for parameter ${key}.`);
      return seconds;
    }
  }
}

function invalidValue(text: string, key: string): ServiceError {
  return new ServiceError('InvalidParameterValue', `The value ${text} for parameter ${key} is invalid.`);
}

/** Writes an output object as the XML inside `<OperationResult>`; undefined for an operation without output. */
export function writeXmlOutput(model: ShapeModel, operation: string, output: unknown): string | undefined {
  const outputShape = model.operations[operation]?.output;
  if (outputShape === undefined) return undefined;
  return writeMembers(model, shapeOf(model, outputShape), output ?? {});
}

function writeMembers(model: ShapeModel, shape: Shape, value: unknown): string {
  if (shape.type !== 'structure') throw new Error('Only a structure has members');
  const record = value as Record<string, unknown>;
  let xml = '';
  for (const [member, ref] of Object.entries(shape.members)) {
    const memberValue = record[member];
    if (memberValue !== undefined && memberValue !== null) xml += element(member, writeValue(model, ref, memberValue));
  }
  return xml;
}

function element(name: string, content: string): string {
  return content === '' ? `<${name}/>` : `<${name}>${content}</${name}>`;
}

function writeValue(model: ShapeModel, ref: ShapeRef, value: unknown): string {
  if (isScalar(ref)) return writeScalar(ref, value);
  const shape = shapeOf(model, ref);
  switch (shape.type) {
    case 'structure':
      return writeMembers(model, shape, value);
    case 'list':
      return (value as readonly unknown[]).map((item) => `<member>${writeValue(model, shape.member, item)}</member>`).join('');
    case 'map':
      return Object.entries(value as Record<string, unknown>)
        .map(([key, item]) => `<entry><key>${escapeXml(key)}</key><value>${writeValue(model, shape.value, item)}</value></entry>`)
        .join('');
  }
}

function writeScalar(type: ScalarType, value: unknown): string {
  switch (type) {
    case 'timestamp':
      return isoTimestamp(value instanceof Date ? value.getTime() : (value as number) * 1000);
    case 'boolean':
      return value === true ? 'true' : 'false';
    default:
      return escapeXml(String(value));
  }
}

/** ISO 8601 in UTC, without milliseconds when they are zero (as AWS writes them). */
export function isoTimestamp(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
