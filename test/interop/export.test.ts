import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { csvCell, defuseFormula, renderCsv } from '../../src/interop/export/csv.js';
import { contentLines, escapeText, foldLine } from '../../src/interop/export/fold.js';
import { icsStamp, renderIcs } from '../../src/interop/export/ics.js';
import { emptyDump, renderJsonDocument, renderJsonl } from '../../src/interop/export/jsonl.js';
import { renderVcards, vcardBirthday } from '../../src/interop/export/vcard.js';
import { undefuseFormula } from '../../src/output/delimited.js';
import type { ContactLine, FollowUpLine, JournalDump } from '../../src/interop/jsonl-lines.js';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');
const unfold = (s: string) => s.replace(/\r\n /g, '');

function contact(fields: Partial<ContactLine> = {}): ContactLine {
  return {
    type: 'contact',
    id: 1,
    name: 'Ralph Smith',
    company: null,
    role: null,
    email: null,
    phone: null,
    url: null,
    location: null,
    circle: null,
    cadenceDays: null,
    birthday: null,
    tags: [],
    howMet: null,
    archived: false,
    created: '2026-11-01',
    ...fields,
  };
}

function followUp(fields: Partial<FollowUpLine> = {}): FollowUpLine {
  return {
    type: 'followUp',
    id: 1,
    contactId: 1,
    kind: 'thank_you',
    text: 'Thank Ralph Smith for the coffee',
    due: '2026-11-22',
    status: 'open',
    closed: null,
    meetingId: 1,
    introductionId: null,
    created: '2026-11-21T08:30:05.123Z',
    ...fields,
  };
}

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds the 76th octet onto a continuation line', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    // A continuation line's leading space counts: 74 more octets fit on it.
    expect(foldLine('x'.repeat(75 + 74 + 1))).toBe(`${'x'.repeat(75)}\r\n ${'x'.repeat(74)}\r\n x`);
  });

  it('never splits a multi-byte character', () => {
    // 74 octets, then a 2-octet é: it would end at octet 76, so it moves down whole.
    expect(foldLine('x'.repeat(74) + 'é')).toBe(`${'x'.repeat(74)}\r\n é`);
    expect(foldLine('x'.repeat(73) + 'é')).toBe('x'.repeat(73) + 'é');
    expect(foldLine('x'.repeat(72) + '€€')).toBe(`${'x'.repeat(72)}€\r\n €`);
    const emoji = foldLine('SUMMARY:' + '🤝'.repeat(30));
    for (const line of emoji.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(emoji.split('\r\n')[0]).toBe('SUMMARY:' + '🤝'.repeat(16)); // 8 + 64 = 72; 76 would not fit
  });

  it('keeps every physical line within 75 octets and unfolds to the original (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const line = 'DESCRIPTION:' + escapeText(text);
        const folded = foldLine(line);
        for (const physical of folded.split('\r\n')) {
          expect(octets(physical)).toBeLessThanOrEqual(75);
          expect(physical).not.toMatch(/[\r\n]/);
        }
        expect(unfold(folded)).toBe(line);
        // No character was cut: the UTF-8 round trip is lossless line by line.
        for (const physical of folded.split('\r\n')) {
          expect(Buffer.from(physical, 'utf8').toString('utf8')).toBe(physical);
        }
      }),
    );
  });

  it('ends every content line with CRLF', () => {
    expect(contentLines(['BEGIN:VCARD', 'END:VCARD'])).toBe('BEGIN:VCARD\r\nEND:VCARD\r\n');
  });
});

describe('escapeText', () => {
  it('escapes backslash, comma, semicolon and every kind of newline', () => {
    expect(escapeText('a\\b,c;d\ne\r\nf\rg')).toBe('a\\\\b\\,c\\;d\\ne\\nf\\ng');
  });

  it('drops control characters neither format allows, keeping tabs', () => {
    expect(escapeText('bell\u0007 esc\u001b[31m del\u007f\ttab')).toBe('bell esc[31m del\ttab');
  });
});

describe('csv formula defusing', () => {
  it.each(['=1+1', '+49 30 1234', '-3', '@SUM(A1)', '\tcmd', '\rcmd', '=HYPERLINK("x")'])(
    'prefixes %j with a quote',
    (text) => {
      expect(defuseFormula(text)).toBe(`'${text}`);
    },
  );

  it.each(["'=1+1", "''+49", "'\tcmd"])(
    'prefixes %j, a formula after quotes, with one more quote so that reading it back is exact',
    (text) => {
      expect(defuseFormula(text)).toBe(`'${text}`);
      expect(undefuseFormula(defuseFormula(text))).toBe(text);
    },
  );

  it('undoes exactly the defusing: a quoted text that is no formula stays', () => {
    expect(undefuseFormula("'=1+1")).toBe('=1+1');
    expect(undefuseFormula("''-3")).toBe("'-3");
    expect(undefuseFormula("'quoted")).toBe("'quoted");
    expect(undefuseFormula("'")).toBe("'");
    expect(undefuseFormula('=raw')).toBe('=raw');
    fc.assert(
      fc.property(
        fc.tuple(fc.constantFrom('', "'", "''", '=', '+', '-', '@', '\t', '\r', "'="), fc.string()),
        ([start, rest]) => {
          const text = start + rest;
          expect(undefuseFormula(defuseFormula(text))).toBe(text);
          expect(defuseFormula(text)).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
    );
  });

  it('leaves other text, numbers and booleans alone', () => {
    expect(defuseFormula('Ralph = Smith')).toBe('Ralph = Smith');
    expect(defuseFormula("'quoted")).toBe("'quoted");
    expect(defuseFormula('')).toBe('');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(null)).toBe('');
  });

  it('defuses before quoting per RFC 4180, and defuses lists as one cell', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1,2')).toBe(`"'-1,2"`);
    expect(csvCell(['@a', 'b'])).toBe(`"'@a,b"`);
    expect(csvCell([1, 2])).toBe('"1,2"');
  });

  it('renders a header-only table when there are no records', () => {
    expect(renderCsv([], ['id', 'name'])).toBe('id,name\n');
    expect(renderCsv([], ['id', 'name'], false)).toBe('');
    expect(renderCsv([{ id: 1, name: '+1' }], ['id', 'name'])).toBe("id,name\n1,'+1\n");
  });
});

describe('vCard', () => {
  it('writes birthdays with or without a year', () => {
    expect(vcardBirthday('03-14')).toBe('--0314');
    expect(vcardBirthday('1980-03-14')).toBe('19800314');
  });

  it('writes one vCard 4.0 per contact, escaped, folded, CRLF', () => {
    const text = renderVcards([
      contact({
        company: 'Acme; Inc.',
        role: 'CTO',
        email: 'ralph@acme.example',
        phone: '+49 30 1234',
        url: 'https://acme.example/a,b',
        location: 'Berlin',
        birthday: '03-14',
        tags: ['mentor', 'berlin, de'],
        howMet: 'Coffee at the meetup\nvia Joe',
        circle: 'second',
        cadenceDays: 42,
      }),
      contact({ id: 2, name: 'Mom', howMet: 'x'.repeat(80) }),
    ]);
    expect(text).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'UID:urn:netjournal:contact:1',
        'FN:Ralph Smith',
        'N:;;;;',
        'ORG:Acme\\; Inc.',
        'TITLE:CTO',
        'EMAIL:ralph@acme.example',
        'TEL:+49 30 1234',
        'URL:https://acme.example/a,b',
        'ADR:;;;Berlin;;;',
        'BDAY:--0314',
        'CATEGORIES:mentor,berlin\\, de',
        'X-NETJOURNAL-CIRCLE:second',
        'X-NETJOURNAL-CADENCE:6w',
        'X-NETJOURNAL-HOW-MET;VALUE=text:Coffee at the meetup\\nvia Joe',
        'X-NETJOURNAL-CREATED:2026-11-01',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:4.0',
        'UID:urn:netjournal:contact:2',
        'FN:Mom',
        'N:;;;;',
        `X-NETJOURNAL-HOW-MET;VALUE=text:${'x'.repeat(43)}`,
        ` ${'x'.repeat(37)}`,
        'X-NETJOURNAL-CREATED:2026-11-01',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
    // A real parser reads the escapes back as the values written.
    const [ralph, mom] = (ICAL.parse(text) as unknown[][]).map((c) => new ICAL.Component(c));
    expect(ralph?.getFirstPropertyValue('org')).toBe('Acme; Inc.');
    expect(ralph?.getFirstProperty('categories')?.getValues()).toEqual(['mentor', 'berlin, de']);
    expect(ralph?.getFirstPropertyValue('x-netjournal-how-met')).toBe(
      'Coffee at the meetup\nvia Joe',
    );
    expect(ralph?.getFirstProperty('adr')?.getValues()).toEqual([
      ['', '', '', 'Berlin', '', '', ''],
    ]);
    expect(ralph?.getFirstProperty('n')?.getValues()).toEqual([['', '', '', '', '']]);
    expect(mom?.getFirstPropertyValue('x-netjournal-how-met')).toBe('x'.repeat(80));
  });

  it('is empty for no contacts', () => {
    expect(renderVcards([])).toBe('');
  });
});

describe('iCalendar', () => {
  const dump: JournalDump = {
    ...emptyDump(),
    contacts: [contact(), contact({ id: 2, name: 'Lena, Berg; PhD' })],
    followUps: [
      followUp(),
      followUp({ id: 2, status: 'done', closed: '2026-11-21' }),
      followUp({
        id: 3,
        contactId: 2,
        kind: 'waiting',
        text: 'Intro to her manager — she offered; follow up gently\nwith a draft',
        due: '2026-12-31',
        created: 'not a timestamp',
      }),
    ],
  };

  it('derives DTSTAMP from the creation timestamp, in UTC', () => {
    expect(icsStamp('2026-11-21T08:30:05.123Z', '2026-11-22')).toBe('20261121T083005Z');
    expect(icsStamp('2026-11-21T00:30:00+02:00', '2026-11-22')).toBe('20261120T223000Z');
    expect(icsStamp('garbage', '2026-11-22')).toBe('20261122T000000Z');
  });

  it.each([
    '+275760-09-13',
    '+275760-09-13T00:00:00.000Z',
    '0000-01-01T00:00:00Z',
    '-000001-01-01T00:00:00Z',
  ])(
    'falls back to midnight UTC of the due date for a timestamp outside the years 1000-9999: %s',
    (created) => {
      expect(icsStamp(created, '2026-11-22')).toBe('20261122T000000Z');
    },
  );

  it('ends an all-day event due on the last day a date can name with a one-day DURATION', () => {
    const last: JournalDump = {
      ...emptyDump(),
      contacts: [contact()],
      followUps: [followUp({ due: '9999-12-31' })],
    };
    const text = renderIcs(last, 'event');
    expect(unfold(text)).toContain('DTSTART;VALUE=DATE:99991231\r\nDURATION:P1D\r\n');
    const event = new ICAL.Component(ICAL.parse(text) as unknown[]).getFirstSubcomponent('vevent');
    expect(String(event?.getFirstPropertyValue('dtstart'))).toBe('9999-12-31');
    expect(String(event?.getFirstPropertyValue('duration'))).toBe('P1D');
  });

  it('writes open follow-ups as VTODOs, exactly and the same every time', () => {
    const text = renderIcs(dump, 'todo');
    expect(renderIcs(dump, 'todo')).toBe(text);
    expect(text.split('\r\n').slice(0, 14)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//netjournal//EN',
      'CALSCALE:GREGORIAN',
      'BEGIN:VTODO',
      'UID:followup-1@netjournal',
      'DTSTAMP:20261121T083005Z',
      'SUMMARY:Thank-you note: Thank Ralph Smith for the coffee — Ralph Smith',
      'DESCRIPTION:Contact: Ralph Smith (#1)\\nKind: thank-you note\\nWhen it is don',
      ' e: netjournal done 1',
      'DUE;VALUE=DATE:20261122',
      'STATUS:NEEDS-ACTION',
      'END:VTODO',
      'BEGIN:VTODO',
    ]);
    expect(text.endsWith('END:VTODO\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
  });

  it('round-trips escaped text through a real parser', () => {
    for (const as of ['todo', 'event'] as const) {
      const calendar = new ICAL.Component(ICAL.parse(renderIcs(dump, as)) as unknown[]);
      const items = calendar.getAllSubcomponents(as === 'todo' ? 'vtodo' : 'vevent');
      expect(items.map((c) => c.getFirstPropertyValue('uid'))).toEqual([
        'followup-1@netjournal',
        'followup-3@netjournal',
      ]);
      expect(items[1]?.getFirstPropertyValue('summary')).toBe(
        'Offer to check on: Intro to her manager — she offered; follow up gently\nwith a draft — Lena, Berg; PhD',
      );
    }
  });

  it('writes all-day VEVENTs ending the next day with a display alarm', () => {
    const calendar = new ICAL.Component(ICAL.parse(renderIcs(dump, 'event')) as unknown[]);
    const event = calendar.getAllSubcomponents('vevent')[1];
    expect(String(event?.getFirstPropertyValue('dtstart'))).toBe('2026-12-31');
    expect(String(event?.getFirstPropertyValue('dtend'))).toBe('2027-01-01');
    expect(event?.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    const alarm = event?.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('PT9H');
  });

  it('is a bare calendar when nothing is open', () => {
    expect(renderIcs(emptyDump(), 'event')).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//netjournal//EN\r\nCALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n',
    );
  });
});

describe('jsonl and json', () => {
  const dump: JournalDump = {
    ...emptyDump(),
    settings: [{ type: 'setting', key: 'cadence.second', value: '60' }],
    contacts: [contact()],
    followUps: [followUp()],
  };

  it('writes the selected lines in export order, one JSON text each', () => {
    const lines = renderJsonl(dump, 'all').split('\n');
    expect(lines.map((l) => (l ? (JSON.parse(l) as { type: string }).type : ''))).toEqual([
      'netjournal',
      'setting',
      'contact',
      'followUp',
      '',
    ]);
    expect(renderJsonl(dump, 'contacts')).toBe(JSON.stringify(contact()) + '\n');
    expect(renderJsonl(emptyDump(), 'all')).toBe('');
  });

  it('writes one object of all sections, or an array of one', () => {
    expect(Object.keys(JSON.parse(renderJsonDocument(dump, 'all')) as object)).toEqual([
      'settings',
      'contacts',
      'meetings',
      'introductions',
      'notes',
      'gifts',
      'followUps',
    ]);
    expect(renderJsonDocument(dump, 'follow-ups')).toBe(`[${JSON.stringify(followUp())}]\n`);
    expect(renderJsonDocument(emptyDump(), 'notes')).toBe('[]\n');
  });
});
