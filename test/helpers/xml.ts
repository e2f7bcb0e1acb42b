/**
 * A small strict XML reader for the pictures' tests: it throws on what an XML
 * parser rejects (an unclosed or mismatched tag, a stray `<` or `&`, an
 * unknown entity, a duplicate attribute, a character XML 1.0 forbids) and
 * returns the element tree with attributes and text decoded.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), decoded. */
  text: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_:][\w.:-]*/;
const FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`"<" in text or attribute at ${where}`);
  return raw.replace(/&([^;]*);|&/g, (all, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare "&" at ${where}`);
    if (ref in NAMED) return NAMED[ref] as string;
    const m = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(ref);
    if (!m) throw new Error(`unknown entity &${ref}; at ${where}`);
    const code = (m[1] as string).startsWith('x')
      ? parseInt((m[1] as string).slice(1), 16)
      : Number(m[1]);
    const ch = String.fromCodePoint(code);
    if (FORBIDDEN.test(ch)) throw new Error(`forbidden character reference &${ref}; at ${where}`);
    return ch;
  });
}

/** Parse a document (an XML declaration, comments and a doctype allowed before the root). */
export function parseXml(source: string): XmlElement {
  if (FORBIDDEN.test(source)) throw new Error('a character XML 1.0 forbids');
  let pos = 0;
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    const textEnd = lt === -1 ? source.length : lt;
    const top = stack[stack.length - 1] as XmlElement;
    const text = decode(source.slice(pos, textEnd), pos);
    if (stack.length === 1 && text.trim()) throw new Error(`text outside the root at ${pos}`);
    top.text += text;
    if (lt === -1) break;
    pos = lt;
    if (source.startsWith('<?', pos)) pos = source.indexOf('?>', pos) + 2;
    else if (source.startsWith('<!--', pos)) pos = source.indexOf('-->', pos) + 3;
    else if (source.startsWith('<!DOCTYPE', pos)) pos = source.indexOf('>', pos) + 1;
    else if (source.startsWith('<![CDATA[', pos)) {
      const end = source.indexOf(']]>', pos);
      top.text += source.slice(pos + 9, end);
      pos = end + 3;
    } else if (source.startsWith('</', pos)) {
      const end = source.indexOf('>', pos);
      const name = source.slice(pos + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name)
        throw new Error(`</${name}> closes <${open?.name}> at ${pos}`);
      pos = end + 1;
    } else {
      pos += 1;
      const name = NAME.exec(source.slice(pos))?.[0];
      if (!name) throw new Error(`stray "<" at ${pos - 1}`);
      pos += name.length;
      const element: XmlElement = { name, attributes: {}, children: [], text: '' };
      for (;;) {
        const rest = source.slice(pos);
        const space = (/^\s*/.exec(rest)?.[0] ?? '').length;
        pos += space;
        if (source.startsWith('/>', pos) || source.startsWith('>', pos)) break;
        const attr = /^([A-Za-z_:][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(source.slice(pos));
        if (!attr || space === 0) throw new Error(`bad attribute in <${name}> at ${pos}`);
        if ((attr[1] as string) in element.attributes)
          throw new Error(`duplicate ${attr[1]} at ${pos}`);
        element.attributes[attr[1] as string] = decode(attr[3] ?? attr[4] ?? '', pos);
        pos += attr[0].length;
      }
      if (stack.length === 1 && root.children.length) throw new Error('a second root element');
      top.children.push(element);
      if (source.startsWith('/>', pos)) pos += 2;
      else {
        pos += 1;
        stack.push(element);
      }
    }
  }
  if (stack.length !== 1)
    throw new Error(`<${(stack[stack.length - 1] as XmlElement).name}> is never closed`);
  const only = root.children[0];
  if (!only) throw new Error('no root element');
  return only;
}

/** Every element in the tree (depth first, the root included). */
export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)];
}

/** Elements whose class attribute holds the word. */
export function withClass(root: XmlElement, word: string): XmlElement[] {
  return allElements(root).filter((e) => (e.attributes.class ?? '').split(/\s+/).includes(word));
}
