/**
 * What each contact export in test/fixtures/import/csv (and the older
 * fixtures beside it) must parse to: the contacts, the notes, and how many
 * data rows the file has, so that a test can check every row is accounted
 * for. Shared by the parser tests and the import tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeFile } from '../../src/interop/parse/decode.js';
import {
  blankContact,
  type ImportFormat,
  type ImportedContact,
  type ParseNote,
} from '../../src/interop/parse/types.js';

type Expected = Partial<ImportedContact> & Pick<ImportedContact, 'line' | 'name'>;

/** An imported contact: the given fields over a blank one. */
export const contact = (c: Expected): ImportedContact => ({
  ...blankContact(c.line, c.name),
  ...c,
});

export interface CsvFixture {
  /** Path under test/fixtures/import/. */
  file: string;
  format: Exclude<ImportFormat, 'jsonl' | 'vcard'>;
  /** Data rows: every one is a contact or a skipped row. */
  rows: number;
  contacts: ImportedContact[];
  notes: ParseNote[];
  /** The encoding its program wrote it in, when not UTF-8: the parser tests read it so, the import must find it. */
  encoding?: string;
}

export const fixturePath = (file: string): string =>
  fileURLToPath(new URL(`../fixtures/import/${file}`, import.meta.url));
export const fixtureText = (file: string, encoding = 'utf-8'): string =>
  decodeFile(readFileSync(fixturePath(file)), encoding).text;

const linkedIn = (c: Expected): ImportedContact => contact({ howMet: 'LinkedIn', ...c });
const li = (handle: string) => `https://www.linkedin.com/in/${handle}`;
const noName = (line: number): ParseNote => ({ line, action: 'skipped', what: 'no name' });
const dropped = (line: number, what: string, value: string): ParseNote => ({
  line,
  action: 'dropped',
  what,
  value,
});

export const CSV_FIXTURES: CsvFixture[] = [
  {
    file: 'csv/linkedin-2018.csv',
    format: 'linkedin',
    rows: 6,
    contacts: [
      linkedIn({
        line: 2,
        name: 'Tomás Herrera',
        company: 'Mercado Libre',
        role: 'Senior Backend Engineer',
        created: '2018-01-08',
      }),
      linkedIn({
        line: 3,
        name: 'Aiko Suzuki',
        email: 'aiko.suzuki@example.jp',
        company: 'Rakuten, Inc.',
        role: 'Product Manager',
        created: '2017-12-21',
      }),
      linkedIn({
        line: 5,
        name: 'Grace Oduya',
        company: 'Safaricom',
        role: 'Data Scientist',
        created: '2017-10-02',
      }),
      linkedIn({
        line: 7,
        name: 'Pieter van der Berg',
        company: 'ASML',
        role: 'Lead Engineer, Lithography',
        created: '2016-03-04',
      }),
    ],
    notes: [noName(4), noName(6)],
  },
  {
    file: 'csv/linkedin-2021.csv',
    format: 'linkedin',
    rows: 5,
    contacts: [
      linkedIn({
        line: 5,
        name: 'Fatima Zahra',
        company: 'Careem',
        role: 'Growth Lead',
        created: '2020-03-12',
      }),
      linkedIn({
        line: 6,
        name: 'Lukáš Novák',
        email: 'lukas.novak@example.cz',
        company: 'Avast, s.r.o.',
        role: 'Security Researcher',
        created: '2021-11-03',
      }),
      linkedIn({ line: 9, name: 'Chloé Martin', created: '2022-02-14' }),
    ],
    notes: [noName(7), noName(8)],
  },
  {
    file: 'csv/linkedin-2024.csv',
    format: 'linkedin',
    rows: 5,
    contacts: [
      linkedIn({
        line: 5,
        name: 'Nadia Rahman',
        url: li('nadia-rahman-7c2b1a'),
        company: 'Grab',
        role: 'Principal Engineer',
        created: '2024-03-12',
      }),
      linkedIn({
        line: 6,
        name: 'Ikaika Kahale',
        url: li('ikaikakahale'),
        email: 'ikaika@example.com',
        company: 'Hawaiian Electric, Inc.',
        role: 'Grid Analyst',
        created: '2024-08-05',
      }),
      linkedIn({
        line: 9,
        name: 'Olga Ivanova',
        url: li('olga-ivanova-dev'),
        role: 'Staff Engineer, Platform',
        created: '2025-01-01',
      }),
    ],
    notes: [noName(7), noName(8)],
  },
  {
    file: 'csv/google-contacts.csv',
    format: 'google',
    rows: 6,
    contacts: [
      contact({
        line: 2,
        name: 'Wanjiru Kamau',
        company: 'M-Kopa',
        role: 'Head of Partnerships',
        email: 'wanjiru@m-kopa.example',
        phone: '+254 700 000000',
        location: 'Nairobi, Kenya',
        birthday: '1988-11-02',
        tags: ['Friends'],
        notes: ['Met at the Nairobi fintech meetup.\nFollow up about the pilot.'],
      }),
      contact({
        line: 4,
        name: 'press@openhardware.example',
        email: 'press@openhardware.example',
      }),
      contact({ line: 5, name: '+49 30 23125 123', phone: '+49 30 23125 123' }),
      contact({
        line: 6,
        name: 'Blue Bottle Coffee',
        company: 'Blue Bottle Coffee',
        url: 'https://bluebottle.example',
        tags: ['Friends'],
      }),
      contact({
        line: 8,
        name: 'Mateus Oliveira',
        email: 'mateus.oliveira@example.com.br',
        birthday: '07-19',
      }),
    ],
    notes: [noName(7)],
  },
  {
    file: 'csv/google-legacy.csv',
    format: 'google',
    rows: 3,
    contacts: [
      contact({
        line: 2,
        name: 'Rhys Evans',
        company: 'Cardiff Robotics',
        role: 'CTO',
        email: 'rhys.evans@example.co.uk',
        phone: '+44 7700 900123',
        birthday: '1979-05-30',
        tags: ['Friends'],
      }),
      contact({
        line: 3,
        name: 'jobs@cardiff-robotics.example',
        email: 'jobs@cardiff-robotics.example',
      }),
      contact({ line: 4, name: 'Tŷ Coffi', company: 'Tŷ Coffi' }),
    ],
    notes: [],
  },
  {
    file: 'csv/outlook.csv',
    format: 'outlook',
    rows: 4,
    contacts: [
      contact({
        line: 2,
        name: 'Diego A. Fernández',
        company: 'Acme Logistics, S.L.',
        role: 'Regional Sales Director',
        email: 'diego.fernandez@acme-logistics.example',
        phone: '+34 600 000 001',
        url: 'https://acme-logistics.example/diego',
        location: 'Madrid, Spain',
        birthday: '1975-06-01',
        tags: ['Clients', 'Conference 2024'],
        notes: ['Introduced by Ana at the logistics summit.\nWants the case study.'],
      }),
      contact({
        line: 4,
        name: 'Amara Okafor',
        company: 'Lagos Health Partners',
        role: 'Chief Medical Officer',
        email: 'amara.okafor@lhp.example',
        location: 'Lagos, Nigeria',
      }),
      contact({
        line: 5,
        name: 'events@conference.example',
        email: 'events@conference.example',
      }),
      contact({
        line: 6,
        name: 'Mei Tanaka',
        company: 'Kyoto Robotics',
        phone: '+81 75 000 0000',
        // "7/4/85", read against today (TODAY, 2026-11-21): see fullBirthYear.
        birthday: '1985-07-04',
      }),
    ],
    notes: [],
  },
  {
    // Outlook for Windows as it writes a CSV on a Western-European or American Windows.
    file: 'csv/outlook-windows-1252.csv',
    format: 'outlook',
    encoding: 'windows-1252',
    rows: 4,
    contacts: [
      contact({
        line: 2,
        name: 'Renée Côté',
        company: 'Café Bleu SARL',
        role: 'Directrice générale',
        email: 'renee.cote@cafebleu.example',
        phone: '+1 514 000 0000',
        location: 'Montréal, Québec, Canada',
        tags: ['Clients'],
        notes: ['Rencontrée au salon « Café & Co » – budget 5 000 € par an.\nPréfère le thé.'],
      }),
      contact({
        line: 4,
        name: 'Jürgen Weiß',
        company: 'Müller & Söhne GmbH',
        role: 'Geschäftsführer',
        email: 'juergen.weiss@mueller-soehne.example',
        phone: '+49 89 000000',
        location: 'München, Deutschland',
        birthday: '1968-03-01',
        notes: ['Kauft nur über Ausschreibungen; Messe „Süß“ 2025.'],
      }),
      contact({
        line: 5,
        name: 'José Ángel Núñez',
        company: 'Peña & Asociados',
        role: 'Socio',
        email: 'jose.nunez@example.es',
        phone: '+34 952 000 000',
        location: 'Málaga, España',
      }),
      contact({
        line: 6,
        name: 'Siobhán O’Brien',
        company: 'Ceol Ltd',
        role: 'Head of “Growth”',
        email: 'siobhan@ceol.example',
        tags: ['Dublin', 'Founders'],
      }),
    ],
    notes: [],
  },
  {
    file: 'csv/google-outlook.csv',
    format: 'outlook',
    rows: 3,
    contacts: [
      contact({
        line: 2,
        name: 'Sipho Ndlovu',
        company: 'CapeTech',
        role: 'Founder',
        email: 'sipho@capetech.example',
        phone: '+27 82 000 0000',
        location: 'Cape Town, South Africa',
        birthday: '1990-03-14',
        tags: ['Founders'],
        notes: ['Wants an intro to a seed investor.'],
      }),
      contact({ line: 3, name: 'hello@studio-nord.example', email: 'hello@studio-nord.example' }),
      contact({
        line: 4,
        name: 'Fika Roasters',
        company: 'Fika Roasters',
        phone: '+46 8 000 000',
      }),
    ],
    notes: [],
  },
  {
    file: 'csv/thunderbird.csv',
    format: 'thunderbird',
    rows: 4,
    contacts: [
      contact({
        line: 2,
        name: 'Ingrid Solberg',
        company: 'Fjord Labs AS',
        role: 'Head of Design',
        email: 'ingrid@fjordlabs.example',
        phone: '+47 900 00 000',
        url: 'https://fjordlabs.example',
        location: 'Oslo, Norway',
        birthday: '1984-09-23',
        notes: ['Met at JSConf EU.\nLikes sailing, asked about our design system.'],
      }),
      contact({
        line: 4,
        name: 'Rafael Costa',
        email: 'rafael.costa@example.pt',
        location: 'Porto, Portugal',
        birthday: '02-29',
      }),
      contact({ line: 5, name: 'newsletter@makers.example', email: 'newsletter@makers.example' }),
      contact({
        line: 6,
        name: 'Zoë Ashworth',
        company: 'Ashworth & Daughters',
        phone: '+44 20 7946 0958',
        // Birth Year "85", Birth Month 7, Birth Day 4.
        birthday: '1985-07-04',
      }),
    ],
    notes: [],
  },
  {
    file: 'csv/email-only.csv',
    format: 'outlook',
    rows: 3,
    contacts: ['ralph@acme.example', 'mei@kyoto-robotics.example', 'joe.park@example.org'].map(
      (email, i) => contact({ line: i + 2, name: email, email }),
    ),
    notes: [],
  },
  {
    file: 'bad-birthday.csv',
    format: 'csv',
    rows: 3,
    contacts: [
      contact({
        line: 2,
        name: 'Ralph Smith',
        birthday: '1975-06-01',
        email: 'ralph@acme.example',
        circle: 'second',
        cadenceDays: 30,
      }),
      contact({ line: 3, name: 'Mei Tanaka' }),
      contact({ line: 4, name: 'Joe Park', birthday: '03-14' }),
    ],
    notes: [
      dropped(3, 'birthday', '02-30'),
      dropped(4, 'e-mail', 'joe@@'),
      dropped(4, 'circle', 'outer'),
      dropped(4, 'keep-in-touch interval', 'fortnightly'),
    ],
  },
  {
    file: 'missing-name.csv',
    format: 'csv',
    rows: 4,
    contacts: [
      contact({ line: 2, name: 'Ralph Smith', company: 'Acme', email: 'ralph@acme.example' }),
      contact({
        line: 3,
        name: 'Acme Support',
        company: 'Acme Support',
        email: 'support@acme.example',
      }),
      contact({ line: 4, name: 'Nobody Inc', company: 'Nobody Inc' }),
      contact({ line: 5, name: 'Mei Tanaka', company: 'Kyoto Robotics' }),
    ],
    notes: [],
  },
];
