import type { JournalDump } from '../jsonl-lines.js';
import { contentLines } from './fold.js';
import {
  calendarText,
  contactNames,
  followUpLines,
  ICS_PRODID,
  openFollowUps,
  type IcsStyle,
} from './ics.js';
import { vcardLines } from './vcard.js';

/**
 * A vdir (the storage khal, todoman, khard and vdirsyncer share): a folder
 * holding one item per file, the file named by the item's stable id. This
 * module decides which files a vdir export holds and how netjournal knows
 * its own; cli/vdir-files.ts writes them.
 */

/** The two kinds of vdir netjournal writes: open follow-ups, or contacts. */
export type VdirKind = 'ics' | 'vcf';

/** One file of a vdir: its name in the folder and its whole text. */
export interface VdirItem {
  name: string;
  text: string;
}

// A stable id (storage/stable-id.ts) and the extension: the only names netjournal ever writes.
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const OWN_NAME: Record<VdirKind, RegExp> = {
  ics: new RegExp(`^${UUID}\\.ics$`),
  vcf: new RegExp(`^${UUID}\\.vcf$`),
};

/** Could netjournal have written a file of this name into a vdir of this kind? */
export function isOwnVdirName(kind: VdirKind, name: string): boolean {
  return OWN_NAME[kind].test(name);
}

/**
 * Does this text carry netjournal's PRODID? Every file it writes does; a
 * file another program wrote under a stable-id-looking name does not, and
 * is left alone.
 */
export function hasOwnMarker(text: string): boolean {
  return text.split(/\r?\n/).includes(ICS_PRODID);
}

function fileName(uid: string | undefined, ext: VdirKind): string {
  // The dump of a journal always has stable ids (0006); a file from before them has none.
  if (!uid) throw new Error('a vdir export needs records with stable ids');
  return `${uid}.${ext}`;
}

/** Each open follow-up as its own calendar (one VTODO or VEVENT), named `<stable id>.ics`. */
export function followUpVdirItems(
  dump: Pick<JournalDump, 'contacts' | 'followUps'>,
  as: IcsStyle,
): VdirItem[] {
  const names = contactNames(dump);
  return openFollowUps(dump).map((f) => ({
    name: fileName(f.uid, 'ics'),
    text: calendarText(followUpLines(f, names.get(f.contactId) ?? `#${f.contactId}`, as)),
  }));
}

/**
 * Each contact as its own vCard 4.0, named `<stable id>.vcf`; the card says
 * netjournal made it (PRODID, RFC 6350 §6.7.3) so a later export knows it.
 */
export function contactVdirItems(dump: Pick<JournalDump, 'contacts'>): VdirItem[] {
  return dump.contacts.map((c) => {
    const [begin = 'BEGIN:VCARD', version = 'VERSION:4.0', ...rest] = vcardLines(c);
    return {
      name: fileName(c.uid, 'vcf'),
      text: contentLines([begin, version, ICS_PRODID, ...rest]),
    };
  });
}
