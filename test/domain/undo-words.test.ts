import { describe, expect, it } from 'vitest';
import { describeUndone, type UndoSubject } from '../../src/domain/undo-words.js';

// Issue 17, point 5: what undo says it undid, from the records of a change group.

const subject = (s: Partial<UndoSubject> & Pick<UndoSubject, 'record' | 'op'>): UndoSubject => ({
  id: 1,
  people: [],
  kind: null,
  date: null,
  key: null,
  partOf: null,
  ...s,
});

const meeting = subject({
  record: 'meeting',
  op: 'insert',
  id: 1,
  people: ['Ralph Smith', 'Lena Fox'],
  kind: 'lunch',
  date: '2026-11-16',
});

describe('describeUndone', () => {
  it('names the record the command was about, and counts what belongs to it', () => {
    const followUp = (id: number) =>
      subject({ record: 'followUp', op: 'insert', id, people: ['Ralph Smith'], partOf: 1 });
    const created = subject({ record: 'contact', op: 'insert', id: 7, people: ['Lena Fox'] });
    expect(describeUndone('add Ralph Lena', [created, meeting, followUp(1), followUp(2)])).toBe(
      'lunch with Ralph Smith and Lena Fox on 2026-11-16 (meeting 1) and its 2 follow-ups, with 1 new contact',
    );
  });

  it('says a merge as a merge, and a setting by its key', () => {
    const other = subject({ record: 'contact', op: 'delete', id: 5, people: ['Joseph Park'] });
    const moved = subject({ record: 'note', op: 'update', id: 3, people: ['Joe Park'] });
    expect(describeUndone('contact merge Joe Joseph', [moved, other])).toBe(
      'merge of contact Joseph Park (#5) into Joe Park',
    );
    const setting = subject({ record: 'setting', op: 'update', id: null, key: 'cadence.inner' });
    expect(describeUndone('config set cadence.inner 30d', [setting])).toBe(
      'changes to setting cadence.inner',
    );
  });

  it('counts many records of one kind, and falls back to the label with none', () => {
    const contacts = [1, 2, 3].map((id) =>
      subject({ record: 'contact', op: 'insert', id, people: [`P${id}`] }),
    );
    expect(describeUndone('import people.csv', contacts)).toBe('import of 3 contacts');
    const done = [4, 5].map((id) => subject({ record: 'followUp', op: 'update', id }));
    expect(describeUndone('done 4 5', done)).toBe('changes to 2 follow-ups');
    expect(describeUndone('contact edit Ralph --tag x', [])).toBe('contact edit Ralph --tag x');
  });
});
