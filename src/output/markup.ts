/**
 * Text inside SVG and HTML. Names are user text: `<`, `&` and quotes are
 * escaped, and what XML 1.0 cannot hold at all (control characters, lone
 * surrogates, U+FFFE/U+FFFF) becomes U+FFFD, so a strict XML parser reads
 * every picture netjournal writes.
 */

// Not allowed anywhere in an XML 1.0 document, even as a character reference.
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an element's content or a quoted attribute value, in SVG or HTML. */
export function escapeMarkup(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}
