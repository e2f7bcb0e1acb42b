import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatShareRule,
  identifierHash,
  isShared,
  parseShareRule,
  shareDiff,
  sharedIntroductions,
  shareKey,
} from '../../src/domain/team-share.js';
import { pgpassLookup, teamUrl, withRole } from '../../src/domain/team-url.js';

describe('share rules', () => {
  it.each([
    ['all', 'all'],
    [' ALL ', 'all'],
    ['tag:work', 'tag:work'],
    ['tag: work , clients,Work', 'tag:work,clients'],
    ['circle:second,third', 'circle:second,third'],
    ['Circle: Third', 'circle:third'],
  ])('reads %j as %j', (typed, stored) => {
    expect(formatShareRule(parseShareRule(typed))).toBe(stored);
  });

  it.each(['', 'none', 'tag:', 'circle:outer', 'tags:work', 'colour:blue'])(
    'refuses %j',
    (typed) => {
      expect(() => parseShareRule(typed)).toThrow();
    },
  );

  it('stored rules read back as themselves', () => {
    const tag = fc.stringMatching(/^[a-z][a-z0-9 -]{0,10}[a-z0-9]$/);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant('all'),
          fc.uniqueArray(tag, { minLength: 1, maxLength: 4 }).map((t) => `tag:${t.join(',')}`),
          fc
            .uniqueArray(fc.constantFrom('inner', 'second', 'third'), { minLength: 1 })
            .map((c) => `circle:${c.join(',')}`),
        ),
        (stored) => formatShareRule(parseShareRule(stored)) === stored,
      ),
    );
  });

  it("a contact's own choice wins over the rule; archived contacts are never shared", () => {
    const c = { circle: 'second' as const, tags: ['Work'], archived: false, share: null };
    expect(isShared(c, parseShareRule('tag:work'))).toBe(true);
    expect(isShared(c, parseShareRule('circle:third'))).toBe(false);
    expect(isShared({ ...c, share: false }, parseShareRule('all'))).toBe(false);
    expect(isShared({ ...c, share: true }, { kind: 'none' })).toBe(true);
    expect(isShared({ ...c, archived: true, share: true }, parseShareRule('all'))).toBe(false);
  });
});

describe('hashes', () => {
  it('normalise before hashing: case and surrounding spaces do not matter', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.string({ maxLength: 8 }), (email, salt) => {
        expect(identifierHash(`  ${email.toUpperCase()}\t`, salt)).toBe(
          identifierHash(email, salt),
        );
      }),
    );
  });

  it('depend on the salt, never contain the address, and are null for nothing', () => {
    const a = identifierHash('ralph@example.com', 'salt-a');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(identifierHash('ralph@example.com', 'salt-b')).not.toBe(a);
    expect(identifierHash('  ', 'salt-a')).toBeNull();
    expect(identifierHash(null, 'salt-a')).toBeNull();
  });

  it('introductions are shared only among shared people, keyed like them', () => {
    const intros = [
      { uid: 'i1', introducer: 'joe', person: 'ralph', to: 'me', date: '2026-01-01' },
      { uid: 'i2', introducer: 'lena', person: 'ralph', to: 'me', date: '2026-01-02' },
    ];
    const shared = sharedIntroductions(intros, new Set(['joe', 'ralph']), 'me', 's');
    expect(shared.map((i) => [i.uid, i.introducer, i.person, i.to])).toEqual([
      [shareKey('i1', 's'), shareKey('joe', 's'), shareKey('ralph', 's'), ''],
    ]);
  });
});

describe('shareDiff', () => {
  it('applied to what the server holds, gives what is wanted; a second diff is empty', () => {
    const row = fc.record({
      uid: fc.string({ maxLength: 3 }),
      rowHash: fc.string({ maxLength: 2 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { selector: (r) => r.uid }),
        fc.uniqueArray(row, { selector: (r) => r.uid }),
        (wanted, held) => {
          const server = new Map(held.map((r) => [r.uid, r.rowHash]));
          const diff = shareDiff(wanted, server);
          for (const uid of diff.remove) server.delete(uid);
          for (const r of diff.upsert) server.set(r.uid, r.rowHash);
          expect(server).toEqual(new Map(wanted.map((r) => [r.uid, r.rowHash])));
          expect(shareDiff(wanted, server)).toEqual({ upsert: [], remove: [] });
        },
      ),
    );
  });
});

describe('team URLs and ~/.pgpass', () => {
  it('keeps a URL without its password, and makes a member URL', () => {
    expect(teamUrl('postgresql://admin:s3cret@db.example.com:5433/team?sslmode=require')).toBe(
      'postgresql://admin@db.example.com:5433/team?sslmode=require',
    );
    expect(withRole('postgresql://admin:s3cret@db.example.com/team', 'alice')).toBe(
      'postgresql://alice@db.example.com/team',
    );
    expect(() => teamUrl('postgresql://alice@db.example.com')).toThrow(/names no database/);
  });

  it('finds the first matching ~/.pgpass line, with wildcards and escapes as libpq reads them', () => {
    const file = [
      '# comment',
      'db.example.com:5432:other:alice:wrong',
      'db.example.com:*:team:alice:pa\\:ss\\\\word',
      '*:*:*:alice:fallback',
    ].join('\n');
    const e = { host: 'db.example.com', port: '5432', database: 'team', user: 'alice' };
    expect(pgpassLookup(file, e)).toBe('pa:ss\\word');
    expect(pgpassLookup(file, { ...e, database: 'x' })).toBe('fallback');
    expect(pgpassLookup(file, { ...e, user: 'bob' })).toBeUndefined();
    expect(pgpassLookup('localhost:5432:team:bob:pw', { ...e, host: '/run/pg', user: 'bob' })).toBe(
      'pw',
    );
  });
});
