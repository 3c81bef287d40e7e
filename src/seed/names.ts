import type { Locale } from '../core/i18n/index.js';
import { foldForSearch } from '../core/i18n/search.js';

/**
 * Name pools for the demo: realistic first and family names in their own script (Polish with diacritics,
 * Ukrainian in Cyrillic, Arabic in Arabic script, German with umlauts and ß, English), each with a Latin
 * transliteration used only to make plausible e-mail addresses.
 *
 * Notation: "native=latin" (latin optional for Latin-script names); family names that change with gender
 * are "masculine/feminine" on both sides ("Wiśniewski/Wiśniewska", "Ковальський/Ковальська=kovalskyi/kovalska").
 */
export type Culture = 'pl' | 'uk' | 'ar' | 'de' | 'en';
export type Gender = 'f' | 'm';

export interface Name {
  givenName: string;
  familyName: string;
  /** ASCII handle for e-mail addresses: "olena.kovalenko". */
  handle: string;
}

interface Pool {
  female: string[];
  male: string[];
  family: string[];
}

const POOLS: Record<Culture, Pool> = {
  pl: {
    female: 'Zofia Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Joanna Magdalena Aleksandra Natalia Julia Weronika Wiktoria Agata Dorota Jadwiga Halina Bożena Grażyna Urszula Elżbieta Iwona Marta Łucja Jolanta'.split(' '),
    male: 'Łukasz Piotr Krzysztof Tomasz Paweł Michał Marcin Jakub Mateusz Grzegorz Wojciech Andrzej Jerzy Stanisław Józef Tadeusz Bartłomiej Szymon Maciej Zbigniew Przemysław Kacper Jarosław'.split(' '),
    family: [
      'Wiśniewski/Wiśniewska', 'Żółkiewski/Żółkiewska', 'Kowalski/Kowalska', 'Nowak', 'Wójcik', 'Kamiński/Kamińska',
      'Lewandowski/Lewandowska', 'Zieliński/Zielińska', 'Szymański/Szymańska', 'Woźniak', 'Dąbrowski/Dąbrowska',
      'Kozłowski/Kozłowska', 'Jankowski/Jankowska', 'Mazur', 'Krawczyk', 'Piotrowski/Piotrowska', 'Grabowski/Grabowska',
      'Pawłowski/Pawłowska', 'Michalski/Michalska', 'Król', 'Wieczorek', 'Jabłoński/Jabłońska', 'Wróbel', 'Górski/Górska',
      'Stępień', 'Sikora', 'Ostrowski/Ostrowska', 'Baran', 'Duda', 'Szewczyk', 'Tomaszewski/Tomaszewska', 'Pietrzak',
      'Marciniak', 'Zając', 'Ślusarczyk', 'Gołębiowski/Gołębiowska', 'Łuczak', 'Chmielewski/Chmielewska', 'Kaczmarek',
      'Błaszczyk', 'Żak', 'Sobczak', 'Czyż',
    ],
  },
  uk: {
    female: [
      'Олена=olena', 'Оксана=oksana', 'Ірина=iryna', 'Наталія=nataliia', 'Юлія=yuliia', 'Тетяна=tetiana', 'Світлана=svitlana',
      'Марія=mariia', 'Анастасія=anastasiia', 'Катерина=kateryna', 'Галина=halyna', 'Людмила=liudmyla', 'Вікторія=viktoriia',
      'Дарина=daryna', 'Софія=sofiia', 'Ганна=hanna', 'Євгенія=yevheniia', 'Христина=khrystyna',
    ],
    male: [
      'Андрій=andrii', 'Олександр=oleksandr', 'Дмитро=dmytro', 'Сергій=serhii', 'Тарас=taras', 'Богдан=bohdan', 'Микола=mykola',
      'Іван=ivan', 'Василь=vasyl', 'Юрій=yurii', 'Максим=maksym', 'Артем=artem', 'Євген=yevhen', 'Владислав=vladyslav',
      'Остап=ostap', 'Ярослав=yaroslav',
    ],
    family: [
      'Коваленко=kovalenko', 'Шевчук=shevchuk', 'Бондаренко=bondarenko', 'Ткаченко=tkachenko', 'Кравченко=kravchenko',
      'Мельник=melnyk', 'Олійник=oliinyk', 'Шевченко=shevchenko', 'Бойко=boiko', 'Коваль=koval', 'Поліщук=polishchuk',
      'Лисенко=lysenko', 'Марченко=marchenko', 'Руденко=rudenko', 'Савченко=savchenko', 'Петренко=petrenko',
      'Гончаренко=honcharenko', 'Ковальчук=kovalchuk', 'Яковенко=yakovenko', 'Левченко=levchenko', 'Павленко=pavlenko',
      'Юрченко=yurchenko', 'Гнатюк=hnatiuk', 'Дорошенко=doroshenko', 'Ковальський/Ковальська=kovalskyi/kovalska',
      'Зайченко=zaichenko', 'Їжакевич=yizhakevych', 'Гребенюк=hrebeniuk', 'Ґудзь=gudz',
    ],
  },
  ar: {
    female: ['ليلى=layla', 'فاطمة=fatima', 'مريم=maryam', 'نور=nour', 'سارة=sara', 'هبة=hiba', 'رنا=rana', 'ياسمين=yasmin', 'زينب=zainab', 'آية=aya', 'سلمى=salma', 'دانة=dana'],
    male: ['عمر=omar', 'أحمد=ahmad', 'محمد=mohammad', 'خالد=khaled', 'يوسف=yousef', 'علي=ali', 'حسن=hassan', 'سامر=samer', 'كريم=karim', 'طارق=tariq', 'مصطفى=mustafa', 'باسل=basel'],
    family: [
      'حداد=haddad', 'الخطيب=al-khatib', 'العلي=al-ali', 'الحسن=al-hassan', 'النجار=al-najjar', 'الشامي=al-shami',
      'المصري=al-masri', 'العمر=al-omar', 'الأحمد=al-ahmad', 'قاسم=qasem', 'صالح=saleh', 'درويش=darwish', 'حمدان=hamdan',
      'الزعبي=al-zoubi', 'عبد الله=abdullah',
    ],
  },
  de: {
    female: 'Sabine Katrin Ursula Gisela Lena Sophie Hannah Mareike Jördis Bärbel Annika'.split(' '),
    male: 'Jürgen Uwe Matthias Stefan Lukas Jörg Klaus Dieter Tobias Björn Günter'.split(' '),
    family: 'Weiß Müller Schröder Köhler Groß Schäfer Becker Fuchs Krüger Hoffmann Wagner Böhm Jäger Vogel Schüßler'.split(' '),
  },
  en: {
    female: 'Grace Amara Priya Esther Emily Chloe Aisha Mary Sarah Blessing'.split(' '),
    male: 'John David Samuel Daniel Kwame Rahul Thomas Emeka Joseph'.split(' '),
    family: "Okafor Nwosu Sharma Mensah Boateng Thompson Clarke Adeyemi Evans Murphy Bello Patel O'Brien".split(' '),
  },
};

/** The locale a person of this culture is usually served in (the rest of the demo varies it a little). */
export const CULTURE_LOCALE: Record<Culture, Locale> = { pl: 'pl', uk: 'uk', ar: 'ar', de: 'de', en: 'en' };

function parse(entry: string, gender: Gender): { native: string; latin: string } {
  const [nativePart, latinPart] = entry.split('=') as [string, string | undefined];
  const pickForm = (s: string) => {
    const forms = s.split('/');
    return (gender === 'f' ? forms[1] : forms[0]) ?? forms[0]!;
  };
  const native = pickForm(nativePart);
  const latin = latinPart ? pickForm(latinPart) : foldForSearch(native);
  return { native, latin };
}

const asciiHandle = (s: string) => foldForSearch(s).replace(/[^a-z0-9-]+/g, '');

/** Builds a name of a culture and gender from indexes into its pools (the caller chooses them with its PRNG). */
export function nameOf(culture: Culture, gender: Gender, givenIndex: number, familyIndex: number): Name {
  const pool = POOLS[culture];
  const givenList = gender === 'f' ? pool.female : pool.male;
  const given = parse(givenList[givenIndex % givenList.length]!, gender);
  const family = parse(pool.family[familyIndex % pool.family.length]!, gender);
  return { givenName: given.native, familyName: family.native, handle: `${asciiHandle(given.latin)}.${asciiHandle(family.latin)}` };
}

export function poolSizes(culture: Culture, gender: Gender): { given: number; family: number } {
  const pool = POOLS[culture];
  return { given: (gender === 'f' ? pool.female : pool.male).length, family: pool.family.length };
}
