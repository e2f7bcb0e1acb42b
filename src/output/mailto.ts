import type { Draft } from '../domain/drafts.js';

// A mailto: URL (RFC 6068). Every header value is percent-encoded as UTF-8
// with encodeURIComponent, which leaves only unreserved characters and
// !'()* as they are: "&", "=", "?", "#" and "%" in a name or a note cannot
// end a field or start another. Line breaks in the body are CRLF (%0D%0A),
// as RFC 6068 asks.

/** Percent-encode one address, keeping its "@" readable. */
function encodeAddress(address: string): string {
  return encodeURIComponent(address.trim()).replace(/%40/g, '@');
}

/** The draft as a mailto: URL with its recipients, subject and body. */
export function mailtoUrl(draft: Draft): string {
  const to = (draft.email ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map(encodeAddress)
    .join(',');
  const body = draft.body.replace(/\r?\n/g, '\r\n');
  return `mailto:${to}?subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(body)}`;
}
