import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * A minimal element tree over fast-xml-parser's ordered output, so the UNTC parser can find elements by name at
 * any depth and read mixed content (text with inline `<superscript>` elements) in document order.
 */

export interface XmlElement {
  name: string;
  children: XmlNode[];
}

export type XmlNode = XmlElement | { text: string };

/** The ordered output of fast-xml-parser: each node is `{ tag: children }` or `{ '#text': text }`. */
type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  // Ordered output keeps `Cuba<superscript>3</superscript>` as text, element, text, in that order.
  preserveOrder: true,
  ignoreAttributes: true,
  // Keep every value a string: `2025` is a year in a cell, not a number.
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  // Decodes numeric references too (`&#160;` in date cells), which the plain XML entity set leaves alone.
  htmlEntities: true,
});

/**
 * Parses a well-formed XML document into a synthetic root element (its children are the document's top-level
 * nodes). Returns the validator's complaint instead when the document is not well-formed — a file cut off
 * mid-way is the usual cause, and fast-xml-parser would otherwise return the part it read without a word.
 */
export function parseXmlTree(xml: string): { ok: true; root: XmlElement } | { ok: false; problem: string } {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { line, msg } = validation.err;
    return { ok: false, problem: `line ${line}: ${msg.replace(/\s+/g, ' ')}` };
  }
  try {
    return { ok: true, root: { name: '#document', children: toNodes(parser.parse(xml) as OrderedNode[]) } };
  } catch (error) {
    // The parser throws on what the validator lets through (e.g. an external entity): a refusal, not a crash.
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** The first element named `name` below `element`, depth first, in document order. */
export function findElement(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
    if (!('name' in child)) continue;
    if (child.name === name) return child;
    const found = findElement(child, name);
    if (found) return found;
  }
  return undefined;
}

/** Every element named `name` below `element`, in document order (not looking inside matches). */
export function findElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => {
    if (!('name' in child)) return [];
    return child.name === name ? [child] : findElements(child, name);
  });
}

/** Follows a path of child names (`['Status', 'Signatories']`) from `element`. */
export function childAt(element: XmlElement, path: readonly string[]): XmlElement | undefined {
  let current: XmlElement | undefined = element;
  for (const name of path) {
    current = current?.children.find((child): child is XmlElement => 'name' in child && child.name === name);
  }
  return current;
}

/**
 * The text of an element in document order. Inline child elements are written back as tags, so a real
 * `<superscript>3</superscript>` element reads exactly like the escaped text the UNTC usually sends.
 */
export function textOf(element: XmlElement): string {
  return element.children
    .map((child) => ('name' in child ? `<${child.name}>${textOf(child)}</${child.name}>` : child.text))
    .join('');
}

function toNodes(ordered: OrderedNode[]): XmlNode[] {
  return ordered.flatMap((node): XmlNode[] => {
    const [key, value] = Object.entries(node).find(([name]) => name !== ':@') ?? [];
    if (key === undefined) return [];
    if (key === '#text') return [{ text: String(value) }];
    // Processing instructions (`?xml`) and comments carry no data for us.
    if (key.startsWith('?') || key.startsWith('#')) return [];
    return [{ name: key, children: toNodes(Array.isArray(value) ? (value as OrderedNode[]) : []) }];
  });
}
