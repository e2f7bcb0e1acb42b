import type { RecordType } from '../model/field.js';

// What `undo` says it undid, in the words a person used when they wrote it:
// "coffee with Ralph Smith on 2026-11-16 (meeting 1) and its 3 follow-ups",
// not the tables and rows it touched.

/** Said after a question about a removal: every removal is one `undo` away. */
export const UNDO_HINT = "You can undo it with 'netjournal undo'.";

/** One record (not a link: tags, aliases and participants are told with their parent) a change group changed. */
export interface UndoSubject {
  record: RecordType;
  op: 'insert' | 'update' | 'delete';
  /** The short id people type; null for a setting. */
  id: number | null;
  /** A contact's name; a meeting's people; a note's, gift's or follow-up's contact; an introduction's introducer, person and to ("you" for the user). */
  people: string[];
  /** A meeting's kind. */
  kind: string | null;
  /** A meeting's, note's or introduction's date. */
  date: string | null;
  /** A setting's key. */
  key: string | null;
  /** The index in the list of the subject this one belongs to (a follow-up of its meeting, a note of its contact). */
  partOf: number | null;
}

const NOUNS: Record<RecordType, [string, string]> = {
  contact: ['contact', 'contacts'],
  meeting: ['meeting', 'meetings'],
  note: ['note', 'notes'],
  gift: ['gift', 'gifts'],
  followUp: ['follow-up', 'follow-ups'],
  introduction: ['introduction', 'introductions'],
  setting: ['setting', 'settings'],
  tag: ['tag', 'tags'],
  alias: ['nickname', 'nicknames'],
  participant: ['participant', 'participants'],
};

// Which record a command was about: a removed contact (rm and merge take
// everything of theirs along), else the weightiest record it created,
// removed or changed (a meeting before its follow-ups); a command that only
// changed records is about the first it changed (`done 4` then marks the
// introduction reported back).
const WEIGHT: readonly RecordType[] = [
  'meeting',
  'introduction',
  'contact',
  'note',
  'gift',
  'followUp',
  'setting',
  'tag',
  'alias',
  'participant',
];
const OP_WEIGHT: readonly UndoSubject['op'][] = ['insert', 'delete', 'update'];

const count = (n: number, record: RecordType): string => `${n} ${NOUNS[record][n === 1 ? 0 : 1]}`;

/** "3 new contacts" from a key "new \0contact" and a count. */
function countedKind(key: string, n: number): string {
  const [adjective = '', record] = key.split('\u0000') as [string, RecordType];
  const [one, many] = NOUNS[record];
  return `${n} ${adjective}${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
function listOf(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function primaryOf(subjects: readonly UndoSubject[]): UndoSubject | undefined {
  const removedContact = subjects.find((s) => s.record === 'contact' && s.op === 'delete');
  if (removedContact && !subjects.some((s) => s.record === 'contact' && s.op === 'insert'))
    return removedContact;
  if (subjects.every((s) => s.op === 'update')) return subjects[0];
  const weight = (s: UndoSubject): number =>
    WEIGHT.indexOf(s.record) * OP_WEIGHT.length + OP_WEIGHT.indexOf(s.op);
  return [...subjects].sort((a, b) => weight(a) - weight(b))[0];
}

/** One record as a person names it: "coffee with Ralph Smith on 2026-11-16 (meeting 1)". */
export function subjectWords(s: UndoSubject): string {
  const [first = '?', second = '?', third = '?'] = s.people;
  switch (s.record) {
    case 'contact':
      return `contact ${first} (#${s.id})`;
    case 'meeting':
      return `${s.kind ?? 'meeting'} with ${listOf(s.people) || 'nobody'} on ${s.date} (meeting ${s.id})`;
    case 'note':
      return `note ${s.id} about ${first}`;
    case 'gift':
      return `gift ${s.id} to ${first}`;
    case 'followUp':
      return `follow-up ${s.id} for ${first}`;
    case 'introduction':
      return `introduction ${s.id} (${first} introduced ${second} to ${third})`;
    case 'setting':
      return `setting ${s.key}`;
    default:
      return `${NOUNS[s.record][0]} of ${first}`;
  }
}

const OP_WORD: Record<UndoSubject['op'], string> = {
  insert: 'new',
  delete: 'removed',
  update: 'changed',
};

const HEAD_WORD: Record<UndoSubject['op'], string> = {
  insert: '',
  delete: 'removal of',
  update: 'changes to',
};

/**
 * What a change group did, in the user's words, from its records and the
 * label its command gave it: "coffee with Ralph Smith on 2026-11-16
 * (meeting 1) and its 3 follow-ups", "removal of contact Ralph Smith (#2)
 * with 1 meeting and 2 notes", "import of 312 contacts".
 */
export function describeUndone(label: string, subjects: readonly UndoSubject[]): string {
  const primary = primaryOf(subjects);
  if (!primary) return label;
  const at = subjects.indexOf(primary);
  const alike = subjects.filter((s) => s.op === primary.op && s.record === primary.record);
  // Many records of one kind (an import, `done 4 5 6`) are counted, not named.
  if (alike.length > 1 || label.startsWith('import ')) {
    const counted = new Map<string, number>();
    for (const s of subjects) {
      const adjective = s.op === primary.op ? '' : `${OP_WORD[s.op]} `;
      const key = `${adjective}\u0000${s.record}`;
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
    const parts = [...counted].map(([key, n]) => countedKind(key, n));
    const what = listOf(parts);
    if (label.startsWith('import ')) return `import of ${what}`;
    return primary.op === 'insert' ? what : `${HEAD_WORD[primary.op]} ${what}`;
  }
  const merged = label.startsWith('contact merge ') && primary.record === 'contact';
  if (merged && primary.op === 'delete') {
    const kept = subjects.find((s) => s.record === 'contact' && s !== primary);
    const into =
      kept?.people[0] ??
      subjects.flatMap((s) => s.people).find((n) => n !== primary.people[0] && n !== 'you');
    return `merge of ${subjectWords(primary)}${into ? ` into ${into}` : ''}`;
  }
  const head =
    primary.op === 'insert'
      ? subjectWords(primary)
      : `${HEAD_WORD[primary.op]} ${subjectWords(primary)}`;
  // The rest, counted by kind: what belongs to it ("its 3 follow-ups"), then
  // the others ("1 new contact").
  const own = new Map<RecordType, number>();
  const others = new Map<string, number>();
  for (const [i, s] of subjects.entries()) {
    if (i === at) continue;
    if (s.partOf === at && s.op === primary.op) own.set(s.record, (own.get(s.record) ?? 0) + 1);
    else {
      const adjective = s.op === primary.op && s.op !== 'insert' ? '' : `${OP_WORD[s.op]} `;
      const key = `${adjective}\u0000${s.record}`;
      others.set(key, (others.get(key) ?? 0) + 1);
    }
  }
  const ownParts = [...own].map(([record, n]) => count(n, record));
  const otherParts = [...others].map(([key, n]) => countedKind(key, n));
  // A removed contact takes their things along: "with 2 meetings and 1 note".
  if (primary.record === 'contact') {
    const parts = [...otherParts];
    for (const [record, n] of own) {
      const key = `\u0000${record}`;
      const also = others.get(key);
      if (also === undefined) parts.push(count(n, record));
      else parts[[...others.keys()].indexOf(key)] = count(n + also, record);
    }
    const joiner = primary.op === 'delete' ? 'with' : 'and';
    return parts.length ? `${head} ${joiner} ${listOf(parts)}` : head;
  }
  return (
    head +
    (ownParts.length ? ` and its ${listOf(ownParts)}` : '') +
    (otherParts.length ? `${ownParts.length ? ', with' : ' and'} ${listOf(otherParts)}` : '')
  );
}
