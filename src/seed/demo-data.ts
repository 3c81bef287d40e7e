import type { Locale } from '../core/i18n/index.js';
import type { Role } from '../core/tenancy/tenancy.table.js';
import { CULTURE_LOCALE, nameOf, poolSizes, type Culture, type Gender } from './names.js';
import { createPrng, type Prng } from './prng.js';
import { ORG_TIME_ZONE, todayIn } from '../core/i18n/time-zone.js';

/**
 * The content of the demo, as plain data (no database): a city network of three organisations, their
 * programmes, staff and volunteer accounts, and a few dozen volunteers and mentees each. Built by a seeded
 * PRNG, so it is the same on every install; only birth dates follow the current year, so a demo loaded
 * in any year has the same ages (adults stay adults, the children stay under 18).
 * See ACCOUNTS.md for the accounts; keep it in step with DEMO_ACCOUNTS below.
 */

/** The one password of every demo account (documented in ACCOUNTS.md; a demo, not a real installation). */
export const DEMO_PASSWORD = 'tandem-demo-2026';

export type OrgKey = 'mops' | 'gops' | 'razem';

export interface DemoPerson {
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  birthDate: string | null;
  locale: Locale;
  roles: Role[];
  /** Present for people who can sign in. */
  account?: { email: string; locale: Locale | null };
}

export interface DemoProgramme {
  name: string;
  description: string;
  active: boolean;
}

export interface DemoOrganisation {
  key: OrgKey;
  slug: string;
  name: string;
  kind: 'mops' | 'gops' | 'ngo';
  city: string;
  country: 'PL';
  defaultLocale: Locale;
  programmes: DemoProgramme[];
  people: DemoPerson[];
}

export interface DemoPlan {
  network: { slug: string; name: string };
  organisations: DemoOrganisation[];
  /** E-mails of the accounts that manage the network (network_managers rows). */
  networkManagers: string[];
}

export interface DemoAccount {
  email: string;
  name: string;
  organisation: OrgKey;
  roles: Role[];
  networkManager: boolean;
}

const DOMAIN = 'demo.tandem.local';
const mail = (local: string, org: string) => `${local}@${org}.${DOMAIN}`;

interface FixedPerson {
  given: string;
  family: string;
  roles: Role[];
  locale: Locale;
  account?: { email: string; locale?: Locale };
  /** Age in years at the time of seeding. */
  age?: number;
  email?: string;
  phone?: string;
}

/** How many generated people each organisation gets, besides the named ones below. */
interface Crowd {
  volunteers: { count: number; cultures: [Culture, number][]; femaleShare: number };
  mentees: { count: number; minors: number; cultures: [Culture, number][] };
  /** Staff without accounts (social workers of a large centre, a second coordinator). */
  staff: { role: Role; count: number }[];
  /** Generated volunteers who are also migrant assistants. */
  migrantAssistants: number;
}

const NETWORK = { slug: 'siec-zielona-dolina', name: 'Sieć Integracyjna Miasta Zielona Dolina' };

const ORGANISATIONS: (Omit<DemoOrganisation, 'people'> & { fixed: FixedPerson[]; crowd: Crowd })[] = [
  {
    key: 'mops',
    slug: 'mops-zielona-dolina',
    name: 'Miejski Ośrodek Pomocy Społecznej w Zielonej Dolinie',
    kind: 'mops',
    city: 'Zielona Dolina',
    country: 'PL',
    defaultLocale: 'pl',
    programmes: [
      { name: 'Tandem językowy', description: 'Wolontariusze raz w tygodniu rozmawiają po polsku z osobami, które uczą się języka, w zwykłych, codziennych sytuacjach.', active: true },
      { name: 'Wsparcie w nauce dla dzieci', description: 'Pomoc w odrabianiu lekcji i nauce polskiego dla dzieci z rodzin z doświadczeniem migracji.', active: true },
      { name: 'Pomoc w codziennych sprawach', description: 'Wolontariusze towarzyszą w wizytach w urzędzie, u lekarza i przy szukaniu mieszkania lub pracy.', active: true },
    ],
    fixed: [
      { given: 'Małgorzata', family: 'Dąbrowska', roles: ['administrator'], locale: 'pl', account: { email: mail('admin', 'mops') } },
      { given: 'Katarzyna', family: 'Lewandowska', roles: ['coordinator'], locale: 'pl', account: { email: mail('koordynator', 'mops') } },
      { given: 'Paweł', family: 'Szymański', roles: ['social_worker'], locale: 'pl', account: { email: mail('pracownik', 'mops') } },
      { given: 'Agnieszka', family: 'Wróbel', roles: ['programme_manager'], locale: 'pl', account: { email: mail('menedzer', 'siec') } },
      { given: 'Zofia', family: 'Wiśniewska', roles: ['volunteer'], locale: 'pl', age: 34, account: { email: mail('wolontariuszka', 'mops') } },
      { given: 'Олена', family: 'Коваленко', roles: ['mentee'], locale: 'uk', age: 41, phone: '+48 512 034 771' },
      { given: 'عمر', family: 'الخطيب', roles: ['mentee'], locale: 'ar', age: 29 },
    ],
    crowd: {
      volunteers: { count: 32, femaleShare: 0.6, cultures: [['pl', 22], ['uk', 5], ['de', 2], ['en', 3]] },
      mentees: { count: 38, minors: 6, cultures: [['uk', 19], ['ar', 9], ['pl', 4], ['en', 6]] },
      staff: [{ role: 'social_worker', count: 6 }],
      migrantAssistants: 0,
    },
  },
  {
    key: 'gops',
    slug: 'gops-dabrowka-lesna',
    name: 'Gminny Ośrodek Pomocy Społecznej w Dąbrówce Leśnej',
    kind: 'gops',
    city: 'Dąbrówka Leśna',
    country: 'PL',
    defaultLocale: 'pl',
    programmes: [
      { name: 'Sąsiedzka pomoc', description: 'Wolontariusze z gminy pomagają seniorom i rodzinom w zakupach, dojazdach do lekarza i drobnych sprawach.', active: true },
      { name: 'Czas wolny razem', description: 'Wspólne popołudnia w świetlicy, wycieczki i zajęcia dla osób, które rzadko wychodzą z domu.', active: true },
      { name: 'Zimowa zbiórka 2025', description: 'Zbiórka ciepłych ubrań i opału dla rodzin z gminy, zakończona w lutym 2025 roku.', active: false },
    ],
    fixed: [
      { given: 'Tadeusz', family: 'Wieczorek', roles: ['administrator'], locale: 'pl', account: { email: mail('admin', 'gops') } },
      { given: 'Bożena', family: 'Krawczyk', roles: ['coordinator'], locale: 'pl', account: { email: mail('koordynator', 'gops') } },
      { given: 'Elżbieta', family: 'Sikora', roles: ['social_worker'], locale: 'pl', account: { email: mail('pracownik', 'gops') } },
      { given: 'Łukasz', family: 'Żółkiewski', roles: ['volunteer'], locale: 'pl', age: 27, account: { email: mail('wolontariusz', 'gops') } },
    ],
    crowd: {
      volunteers: { count: 18, femaleShare: 0.55, cultures: [['pl', 16], ['uk', 2]] },
      mentees: { count: 15, minors: 3, cultures: [['pl', 8], ['uk', 6], ['ar', 1]] },
      staff: [],
      migrantAssistants: 0,
    },
  },
  {
    key: 'razem',
    slug: 'stowarzyszenie-razem',
    name: 'Stowarzyszenie Razem – Разом',
    kind: 'ngo',
    city: 'Zielona Dolina',
    country: 'PL',
    defaultLocale: 'uk',
    programmes: [
      { name: 'Asystenci migrantów', description: 'Asystentki i asystenci mówiący po ukraińsku, rosyjsku i arabsku pomagają urzędom, szkołom i przychodniom w rozmowie z klientami z zagranicy.', active: true },
      { name: 'Kręgi samopomocowe', description: 'Cotygodniowe spotkania grup wsparcia dla kobiet i rodzin, prowadzone po ukraińsku i po polsku.', active: true },
      { name: 'Tandem językowy Razem', description: 'Pary wolontariuszy i uczestników ćwiczą polski i ukraiński podczas spacerów po mieście.', active: true },
    ],
    fixed: [
      { given: 'Ірина', family: 'Бондаренко', roles: ['administrator'], locale: 'uk', account: { email: mail('admin', 'razem'), locale: 'uk' } },
      { given: 'Тарас', family: 'Ковальчук', roles: ['coordinator'], locale: 'uk', account: { email: mail('koordynator', 'razem'), locale: 'uk' } },
      { given: 'Наталія', family: 'Ткаченко', roles: ['social_worker'], locale: 'uk', account: { email: mail('pracownik', 'razem'), locale: 'uk' } },
      { given: 'Оксана', family: 'Мельник', roles: ['volunteer', 'migrant_assistant'], locale: 'uk', age: 38, account: { email: mail('asystentka', 'razem'), locale: 'uk' } },
      { given: 'Beata', family: 'Nowakowska', roles: ['institution_staff'], locale: 'pl', account: { email: mail('instytucja', 'razem') } },
      { given: 'Jürgen', family: 'Weiß', roles: ['volunteer'], locale: 'de', age: 63, account: { email: mail('wolontariusz', 'razem'), locale: 'de' } },
      { given: 'ليلى', family: 'حداد', roles: ['volunteer'], locale: 'ar', age: 31, account: { email: mail('wolontariuszka', 'razem'), locale: 'ar' } },
      { given: 'Андрій', family: 'Шевчук', roles: ['volunteer'], locale: 'uk', age: 45, email: 'andrii.shevchuk@example.net' },
    ],
    crowd: {
      volunteers: { count: 25, femaleShare: 0.7, cultures: [['uk', 15], ['pl', 7], ['ar', 2], ['en', 1]] },
      mentees: { count: 30, minors: 4, cultures: [['uk', 22], ['ar', 4], ['en', 2], ['de', 2]] },
      staff: [{ role: 'coordinator', count: 1 }],
      migrantAssistants: 4,
    },
  },
];

const NETWORK_MANAGERS = [mail('menedzer', 'siec')];

const PHONE: Record<Culture, (p: Prng) => string> = {
  pl: (p) => `+48 ${p.pick(['5', '6', '7'])}${p.digits(2)} ${p.digits(3)} ${p.digits(3)}`,
  uk: (p) => (p.chance(0.6) ? `+48 ${p.pick(['5', '6', '7'])}${p.digits(2)} ${p.digits(3)} ${p.digits(3)}` : `+380 ${p.pick(['50', '63', '67', '68', '73', '93', '97'])} ${p.digits(3)} ${p.digits(2)} ${p.digits(2)}`),
  ar: (p) => `+48 ${p.pick(['5', '6', '7'])}${p.digits(2)} ${p.digits(3)} ${p.digits(3)}`,
  de: (p) => `+49 ${p.pick(['151', '160', '171'])} ${p.digits(8)}`,
  en: (p) => (p.chance(0.5) ? `+48 ${p.pick(['5', '6', '7'])}${p.digits(2)} ${p.digits(3)} ${p.digits(3)}` : `+44 7${p.digits(3)} ${p.digits(6)}`),
};
const MAIL_DOMAINS = ['example.org', 'example.com', 'example.net'];

/** A date of birth for someone who is `age` years old in `year` (or one year younger): day 1–28, any month. */
function birthDate(p: Prng, year: number, age: number): string {
  const month = p.int(1, 12);
  const day = p.int(1, 28);
  return `${year - age}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Expands [culture, weight] pairs into a list of `count` cultures in a shuffled but fixed order. */
function culturesFor(p: Prng, weights: [Culture, number][], count: number): Culture[] {
  const list: Culture[] = [];
  const total = weights.reduce((s, [, w]) => s + w, 0);
  for (const [culture, weight] of weights) for (let i = 0; i < Math.round((weight / total) * count); i++) list.push(culture);
  while (list.length < count) list.push(weights[0]![0]);
  list.length = count;
  for (let i = list.length - 1; i > 0; i--) {
    const j = p.int(0, i);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** Builds the whole demo. `today` only sets the birth years (ages are fixed). */
export function buildDemo(today = new Date()): DemoPlan {
  const p = createPrng(20_260_101);
  const year = Number(todayIn(ORG_TIME_ZONE, today).slice(0, 4));
  const organisations = ORGANISATIONS.map(({ fixed, crowd, ...org }): DemoOrganisation => {
    const usedNames = new Set<string>();
    const usedMails = new Set<string>();
    const people: DemoPerson[] = fixed.map((f) => {
      usedNames.add(`${f.given} ${f.family}`);
      const email = f.account?.email ?? f.email ?? null;
      if (email) usedMails.add(email);
      return {
        givenName: f.given,
        familyName: f.family,
        email,
        phone: f.phone ?? (f.account ? PHONE.pl(p) : null),
        birthDate: f.age ? birthDate(p, year, f.age) : null,
        locale: f.locale,
        roles: f.roles,
        ...(f.account ? { account: { email: f.account.email, locale: f.account.locale ?? null } } : {}),
      };
    });

    const generate = (culture: Culture, gender: Gender, roles: Role[], age: number, contact: { email: number; phone: number }) => {
      const sizes = poolSizes(culture, gender);
      let name = nameOf(culture, gender, p.int(0, sizes.given - 1), p.int(0, sizes.family - 1));
      while (usedNames.has(`${name.givenName} ${name.familyName}`)) name = nameOf(culture, gender, p.int(0, sizes.given - 1), p.int(0, sizes.family - 1));
      usedNames.add(`${name.givenName} ${name.familyName}`);
      let email: string | null = null;
      if (p.chance(contact.email)) {
        email = `${name.handle}@${p.pick(MAIL_DOMAINS)}`;
        if (usedMails.has(email)) email = `${name.handle}${p.int(2, 99)}@${p.pick(MAIL_DOMAINS)}`;
        usedMails.add(email);
      }
      // Most people are served in their own language; some prefer Polish (or English) already.
      const locale: Locale = culture !== 'pl' && p.chance(0.15) ? (culture === 'ar' ? 'en' : 'pl') : CULTURE_LOCALE[culture];
      people.push({
        givenName: name.givenName,
        familyName: name.familyName,
        email,
        phone: p.chance(contact.phone) ? PHONE[culture](p) : null,
        birthDate: birthDate(p, year, age),
        locale,
        roles,
      });
    };

    for (const { role, count } of crowd.staff) {
      for (let i = 0; i < count; i++) generate('pl', p.chance(0.8) ? 'f' : 'm', [role], p.int(26, 60), { email: 1, phone: 1 });
    }
    culturesFor(p, crowd.volunteers.cultures, crowd.volunteers.count).forEach((culture, i) => {
      const roles: Role[] = i < crowd.migrantAssistants ? ['volunteer', 'migrant_assistant'] : ['volunteer'];
      const age = p.chance(0.35) ? p.int(19, 26) : p.int(27, 72);
      generate(culture, p.chance(crowd.volunteers.femaleShare) ? 'f' : 'm', roles, age, { email: 0.6, phone: 0.7 });
    });
    culturesFor(p, crowd.mentees.cultures, crowd.mentees.count).forEach((culture, i) => {
      const minor = i < crowd.mentees.minors;
      const age = minor ? p.int(8, 16) : p.chance(0.2) ? p.int(62, 84) : p.int(19, 58);
      // Children are reached through their parents: no contact details of their own.
      generate(culture, p.chance(0.55) ? 'f' : 'm', ['mentee'], age, minor ? { email: 0, phone: 0 } : { email: 0.25, phone: 0.5 });
    });
    return { ...org, people };
  });
  return { network: NETWORK, organisations, networkManagers: NETWORK_MANAGERS };
}

/** Every demo account, for ACCOUNTS.md and the tests. */
export function demoAccounts(plan: DemoPlan = buildDemo()): DemoAccount[] {
  return plan.organisations.flatMap((org) =>
    org.people
      .filter((person) => person.account)
      .map((person) => ({
        email: person.account!.email,
        name: `${person.givenName} ${person.familyName}`,
        organisation: org.key,
        roles: person.roles,
        networkManager: plan.networkManagers.includes(person.account!.email),
      })),
  );
}
