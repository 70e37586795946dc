import { MIMEType, TextDecoder } from 'node:util';
import { type Refusal, refuse } from './refusal.ts';

/**
 * Turns the bytes of a status document into text by the document's own declaration, never by assuming UTF-8:
 * the UNTC files declare `encoding="ISO-8859-1"`, and read as UTF-8 "Côte d'Ivoire" comes out "C�te d'Ivoire".
 *
 * The encoding is, in this order (RFC 7303 §3; a byte-order mark first, as in the WHATWG decode algorithm):
 * 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE), which cannot be mistaken;
 * 2. the `charset` of the HTTP `Content-Type` header;
 * 3. the `encoding` of the XML declaration, read from the raw bytes (it is ASCII in every ASCII-compatible
 *    encoding, which is all an XML declaration can be read from without a byte-order mark);
 * 4. UTF-8, the XML default.
 *
 * One exception: bytes labelled Latin-1 that are valid UTF-8 beyond ASCII are read as UTF-8 (see `isUtf8Text`).
 *
 * Decoding uses the platform's `TextDecoder`, whose WHATWG labels read `ISO-8859-1` and `latin1` as
 * windows-1252. A label it does not know, or text that still holds U+FFFD (bytes the declared encoding cannot
 * decode, or a replacement character some earlier step left), is refused: a garbled name must never reach a
 * digest.
 */

export type DecodedBody =
  | {
      ok: true;
      text: string;
      /** The encoding's WHATWG name, e.g. `windows-1252`. */
      encoding: string;
      /** Which rule chose it. */
      declaredBy: 'byte-order mark' | 'Content-Type' | 'XML declaration' | 'default' | 'UTF-8 bytes';
    }
  | Refusal;

/** How many bytes from the start the XML declaration is looked for in (it is the first thing in the file). */
const DECLARATION_WINDOW = 512;

const BYTE_ORDER_MARKS: ReadonlyArray<[bytes: number[], encoding: string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/**
 * Decodes `bytes` by the document's declaration; `contentType` is the HTTP header, absent for files.
 *
 * @example
 * decodeBody(latin1Bytes, 'text/xml; charset=ISO-8859-1') // { ok: true, text: '…Côte d'Ivoire…', encoding: 'windows-1252', … }
 * decodeBody(latin1Bytes, undefined) // the same, from `<?xml version="1.0" encoding="ISO-8859-1"?>`
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): DecodedBody {
  const [label, declaredBy] = chooseEncoding(bytes, contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return refuse('undecodable', `the document declares the unknown encoding "${label}" (${declaredBy})`);
  }
  if (decoder.encoding === 'windows-1252' && isUtf8Text(bytes)) {
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', declaredBy: 'UTF-8 bytes' };
  }
  const text = decoder.decode(bytes);
  const bad = text.indexOf('\ufffd');
  if (bad >= 0) {
    const count = text.split('\ufffd').length - 1;
    const around = text.slice(Math.max(0, bad - 20), bad + 20).replace(/\s+/g, ' ');
    return refuse(
      'undecodable',
      `the document does not decode as ${decoder.encoding} (${declaredBy}): ${count} undecodable character${count === 1 ? '' : 's'}, the first in "${around}"`,
    );
  }
  return { ok: true, text, encoding: decoder.encoding, declaredBy };
}

/**
 * True when bytes labelled Latin-1 are UTF-8 with letters beyond ASCII: a server that re-encoded the file and kept
 * its label. Read as Latin-1 they would give "CÃ´te d'Ivoire" without a single U+FFFD to refuse; a real Latin-1
 * name is all but never valid UTF-8 as well (it would need pairs such as "Ã©"), so the bytes decide.
 */
function isUtf8Text(bytes: Uint8Array): boolean {
  if (!bytes.some((byte) => byte >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function chooseEncoding(
  bytes: Uint8Array,
  contentType?: string | null,
): [string, Exclude<DecodedBody, Refusal>['declaredBy']] {
  const mark = BYTE_ORDER_MARKS.find(([prefix]) => prefix.every((byte, index) => bytes[index] === byte));
  if (mark) return [mark[1], 'byte-order mark'];
  const fromHeader = contentType ? charsetOf(contentType) : undefined;
  if (fromHeader) return [fromHeader, 'Content-Type'];
  const fromDeclaration = declaredEncoding(bytes);
  // A declaration readable as ASCII cannot be in UTF-16: the bytes say otherwise (WHATWG's rule for HTML's <meta>).
  if (fromDeclaration) return [/^utf-16/i.test(fromDeclaration) ? 'utf-8' : fromDeclaration, 'XML declaration'];
  return ['utf-8', 'default'];
}

/** The `charset` parameter of a media type; a header too malformed to parse is ignored, as browsers do. */
function charsetOf(contentType: string): string | undefined {
  try {
    return new MIMEType(contentType).params.get('charset')?.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** `encoding` of `<?xml version="1.0" encoding="ISO-8859-1"?>` at the start of the bytes, if there is one. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const start = Buffer.from(bytes.subarray(0, DECLARATION_WINDOW)).toString('latin1');
  return /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([A-Za-z][\w.:-]*)\1/.exec(start)?.[2];
}
