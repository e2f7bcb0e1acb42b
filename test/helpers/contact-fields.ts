import { nameOnlyContact, type ContactFields } from '../../src/domain/contact.js';

/** A new contact's fields: the name, nothing else set unless given. */
export function contactFields(name: string, more: Partial<ContactFields> = {}): ContactFields {
  return { ...nameOnlyContact(name), ...more };
}
