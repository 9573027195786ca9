/**
 * The AWS event-stream encoding (`application/vnd.amazon.eventstream`), in which streaming operations
 * (StartLiveTail, S3 SelectObjectContent, Transcribe, Bedrock…) send their messages. A message is, all
 * integers big-endian:
 *
 *   total length (uint32) · headers length (uint32) · CRC32 of those 8 bytes (uint32)
 *   · headers · payload · CRC32 of everything before it (uint32)
 *
 * and a header is: name length (uint8) · name (UTF-8) · value type (uint8) · value. The sandbox sends only
 * string values (type 7: uint16 length, then UTF-8), which is all AWS uses for `:message-type`,
 * `:event-type`, `:exception-type` and `:content-type`.
 */
import { crc32 } from 'node:zlib';

const PRELUDE_BYTES = 12;
const CRC_BYTES = 4;
const STRING_VALUE_TYPE = 7;
/** AWS's limits: a message of at most 16 MB, of which at most 128 KB headers. */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
export const MAX_HEADERS_BYTES = 128 * 1024;
const MAX_HEADER_NAME_BYTES = 255;
const MAX_STRING_VALUE_BYTES = 32_767;

/** Encodes one message with string-valued headers, in the order given. */
export function encodeEventStreamMessage(headers: Readonly<Record<string, string>>, payload: Uint8Array): Buffer {
  const encodedHeaders = encodeHeaders(headers);
  const total = PRELUDE_BYTES + encodedHeaders.length + payload.length + CRC_BYTES;
  if (total > MAX_MESSAGE_BYTES) throw new RangeError(`An event-stream message is at most ${MAX_MESSAGE_BYTES} bytes, this one ${total}`);

  const message = Buffer.alloc(total);
  message.writeUInt32BE(total, 0);
  message.writeUInt32BE(encodedHeaders.length, 4);
  message.writeUInt32BE(crc32(message.subarray(0, 8)), 8);
  encodedHeaders.copy(message, PRELUDE_BYTES);
  message.set(payload, PRELUDE_BYTES + encodedHeaders.length);
  message.writeUInt32BE(crc32(message.subarray(0, total - CRC_BYTES)), total - CRC_BYTES);
  return message;
}

function encodeHeaders(headers: Readonly<Record<string, string>>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const valueBytes = Buffer.from(value, 'utf8');
    if (nameBytes.length === 0 || nameBytes.length > MAX_HEADER_NAME_BYTES) {
      throw new RangeError(`An event-stream header name is 1–${MAX_HEADER_NAME_BYTES} bytes, '${name}' is ${nameBytes.length}`);
    }
    if (valueBytes.length > MAX_STRING_VALUE_BYTES) {
      throw new RangeError(`An event-stream string header is at most ${MAX_STRING_VALUE_BYTES} bytes, '${name}' is ${valueBytes.length}`);
    }
    const header = Buffer.alloc(1 + nameBytes.length + 1 + 2 + valueBytes.length);
    let offset = header.writeUInt8(nameBytes.length, 0);
    offset += nameBytes.copy(header, offset);
    offset = header.writeUInt8(STRING_VALUE_TYPE, offset);
    offset = header.writeUInt16BE(valueBytes.length, offset);
    valueBytes.copy(header, offset);
    parts.push(header);
  }
  const encoded = Buffer.concat(parts);
  if (encoded.length > MAX_HEADERS_BYTES) throw new RangeError(`Event-stream headers are at most ${MAX_HEADERS_BYTES} bytes, these ${encoded.length}`);
  return encoded;
}
