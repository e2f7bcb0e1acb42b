import { describe, expect, it } from 'vitest';
import { contactChangesFromOptions, isEmptyChange } from '../../src/domain/contact-edit.js';
import { UsageError } from '../../src/errors.js';

const TODAY = '2026-11-21';
const changes = (opts: Parameters<typeof contactChangesFromOptions>[0]) =>
  contactChangesFromOptions(opts, TODAY);

describe('contactChangesFromOptions', () => {
  it('keeps only the fields given, trimmed', () => {
    expect(changes({ company: ' Acme ', how: 'gym' })).toEqual({
      fields: { company: 'Acme', howMet: 'gym' },
      addTags: [],
      removeTags: [],
    });
  });

  it('turns empty strings into null (clear), and none into no cadence or circle', () => {
    expect(
      changes({
        role: '',
        email: ' ',
        phone: '',
        url: '',
        location: '',
        circle: 'None',
        every: 'none',
        birthday: '',
      }).fields,
    ).toEqual({
      role: null,
      email: null,
      phone: null,
      url: null,
      location: null,
      circle: null,
      cadenceDays: null,
      birthday: null,
    });
    expect(changes({ every: '' }).fields).toEqual({ cadenceDays: null });
    expect(changes({ circle: '' }).fields).toEqual({ circle: null });
  });

  it('parses values like contact add does', () => {
    expect(
      changes({ name: ' Ralph ', circle: 'Second', every: '3m', birthday: '02-29', email: 'a@b' })
        .fields,
    ).toEqual({
      name: 'Ralph',
      circle: 'second',
      cadenceDays: 90,
      birthday: '02-29',
      email: 'a@b',
    });
  });

  it('sets, adds and removes tags; --tag "" alone clears them', () => {
    expect(changes({ tag: ['b', 'a', 'B'] })).toMatchObject({ setTags: ['b', 'a'] });
    expect(changes({ tag: [' '] })).toMatchObject({ setTags: [] });
    expect(changes({ addTag: ['x'], removeTag: ['y', 'Y'] })).toMatchObject({
      addTags: ['x'],
      removeTags: ['y'],
    });
  });

  it('archives or unarchives', () => {
    expect(changes({ archive: true }).archived).toBe(true);
    expect(changes({ unarchive: true }).archived).toBe(false);
    expect(changes({ archive: false, company: 'x' }).archived).toBeUndefined();
  });

  it.each([
    [{}, 'nothing to change'],
    [{ archive: false }, 'nothing to change'],
    [{ archive: true, unarchive: true }, '--archive and --unarchive contradict each other'],
    [{ tag: ['a'], removeTag: ['b'] }, '--tag replaces all tags'],
    [{ addTag: ['Q'], removeTag: ['q'] }, 'tag "Q" is both added and removed'],
    [{ tag: ['', 'a'] }, 'a tag cannot be empty'],
    [{ name: '' }, 'a contact needs a name'],
    [{ name: 'myself' }, '"myself" means you'],
    [{ circle: 'fourth' }, 'unknown circle "fourth"'],
    [{ every: '0d' }, 'interval must be at least one day'],
    [{ birthday: '2027-01-01' }, 'invalid birthday "2027-01-01"'],
    [{ email: 'x' }, 'invalid email "x"'],
  ])('refuses %j', (opts, message) => {
    expect(() => changes(opts)).toThrow(UsageError);
    expect(() => changes(opts)).toThrow(message);
  });
});

describe('isEmptyChange', () => {
  it('is true only when nothing would be touched', () => {
    expect(isEmptyChange({ fields: {}, addTags: [], removeTags: [] })).toBe(true);
    expect(isEmptyChange({ fields: {}, addTags: [], removeTags: [], setTags: [] })).toBe(false);
    expect(isEmptyChange({ fields: { company: null }, addTags: [], removeTags: [] })).toBe(false);
  });
});
