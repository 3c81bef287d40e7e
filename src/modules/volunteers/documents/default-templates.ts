import type { DocumentKind, DocumentLocale } from './documents.schemas.js';

/**
 * The built-in templates (Polish law: the Act of 24 April 2003 on public benefit activity and volunteering),
 * used until an organisation edits its own. Paragraphs are separated by a blank line; a paragraph starting
 * with "# " is a heading. Placeholders: see placeholders.ts. The wording is a careful default, not legal
 * advice: organisations check it with their lawyer and edit it (GLOSSARY.md).
 */
export const DEFAULT_TEMPLATES: Record<DocumentKind, Record<DocumentLocale, { title: string; body: string }>> = {
  agreement: {
    pl: {
      title: 'Porozumienie wolontariackie',
      body: `zawarte na podstawie art. 44 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie pomiędzy stronami: {organisationName} (dalej: „Organizacja”) oraz {volunteerName} (dalej: „Wolontariusz”).

# § 1. Zakres, miejsce i sposób wykonywania świadczeń

1. Wolontariusz dobrowolnie i bez wynagrodzenia wykonuje na rzecz Organizacji świadczenia w zakresie: {scope}.

2. Miejsce wykonywania świadczeń: {place}.

3. Wolontariusz wykonuje świadczenia osobiście, w uzgodnieniu z koordynatorem wolontariatu Organizacji, z poszanowaniem godności i praw osób, którym pomaga, oraz zachowuje w tajemnicy informacje, w tym dane osobowe, uzyskane w związku z wykonywaniem świadczeń — także po rozwiązaniu porozumienia.

# § 2. Okres

Porozumienie zostaje zawarte na okres od {periodFrom} do {periodTo}.

# § 3. Obowiązki Organizacji

1. Organizacja informuje Wolontariusza o ryzyku dla zdrowia i bezpieczeństwa związanym z wykonywanymi świadczeniami oraz o zasadach ochrony przed zagrożeniami.

2. Organizacja zapewnia Wolontariuszowi bezpieczne i higieniczne warunki wykonywania świadczeń, w tym — stosownie do ich rodzaju — niezbędne środki ochrony indywidualnej.

3. Organizacja pokrywa, na zasadach dotyczących pracowników, koszty podróży służbowych i diet związanych z wykonywaniem świadczeń, chyba że Wolontariusz zwolni ją z tego obowiązku na piśmie.

4. Jeżeli świadczenia są wykonywane przez okres nie dłuższy niż 30 dni, Organizacja ubezpiecza Wolontariusza od następstw nieszczęśliwych wypadków. Wolontariuszowi wykonującemu świadczenia przez okres dłuższy niż 30 dni przysługuje ustawowe zaopatrzenie z tytułu wypadków przy wykonywaniu świadczeń.

# § 4. Informacja o bezpieczeństwie i higienie

Wolontariusz potwierdza, że przed rozpoczęciem wykonywania świadczeń otrzymał informację o ryzyku dla zdrowia i bezpieczeństwa związanym z wykonywanymi świadczeniami oraz o zasadach ochrony przed zagrożeniami, zapoznał się z nią i zobowiązuje się jej przestrzegać.

# § 5. Rozwiązanie porozumienia

1. Każda ze stron może rozwiązać porozumienie. Warunki rozwiązania: {termination}

2. Porozumienie wygasa z upływem okresu, na który zostało zawarte.

# § 6. Postanowienia końcowe

1. Na wniosek Wolontariusza Organizacja wydaje pisemne zaświadczenie o wykonywaniu świadczeń oraz pisemną opinię o wykonywaniu świadczeń.

2. W sprawach nieuregulowanych porozumieniem stosuje się przepisy ustawy o działalności pożytku publicznego i o wolontariacie oraz Kodeksu cywilnego.`,
    },
    en: {
      title: 'Volunteer agreement',
      body: `concluded under Article 44 of the Polish Act of 24 April 2003 on public benefit activity and volunteering between {organisationName} (“the Organisation”) and {volunteerName} (“the Volunteer”).

# § 1. Scope, place and manner of the service

1. The Volunteer performs services for the Organisation voluntarily and without remuneration, in the following scope: {scope}.

2. Place of the service: {place}.

3. The Volunteer performs the services in person, as agreed with the Organisation’s volunteer coordinator, respecting the dignity and rights of the people they help, and keeps confidential any information obtained in connection with the services, including personal data — also after this agreement ends.

# § 2. Period

This agreement is concluded for the period from {periodFrom} to {periodTo}.

# § 3. Obligations of the Organisation

1. The Organisation informs the Volunteer of the health and safety risks involved in the services and of the rules of protection against them.

2. The Organisation provides safe and hygienic conditions for the services, including the personal protective equipment the nature of the services requires.

3. The Organisation covers, on the terms applicable to employees, the costs of business travel and subsistence connected with the services, unless the Volunteer releases it from this obligation in writing.

4. Where the services last no longer than 30 days, the Organisation insures the Volunteer against the consequences of accidents. A Volunteer serving for longer than 30 days is covered by the statutory accident benefits for accidents during the services.

# § 4. Health and safety information

The Volunteer confirms that before starting the services they received information on the health and safety risks involved in the services and on the rules of protection against them, have read it and will follow it.

# § 5. Termination

1. Either party may terminate this agreement. Terms of termination: {termination}

2. The agreement expires at the end of the period for which it was concluded.

# § 6. Final provisions

1. At the Volunteer’s request, the Organisation issues a written certificate of service and a written reference on the services.

2. Matters not covered by this agreement are governed by the Act on public benefit activity and volunteering and by the Civil Code.`,
    },
    uk: {
      title: 'Угода про волонтерську діяльність',
      body: `укладена на підставі статті 44 Закону Республіки Польща від 24 квітня 2003 року «Про діяльність суспільної користі та волонтерство» між сторонами: {organisationName} (далі — «Організація») та {volunteerName} (далі — «Волонтер»).

# § 1. Обсяг, місце та порядок волонтерської діяльності

1. Волонтер добровільно і безоплатно здійснює для Організації волонтерську діяльність у такому обсязі: {scope}.

2. Місце здійснення діяльності: {place}.

3. Волонтер здійснює діяльність особисто, за погодженням із координатором волонтерів Організації, з повагою до гідності та прав людей, яким допомагає, і зберігає в таємниці інформацію, зокрема персональні дані, отриману у зв’язку з діяльністю, — також після припинення угоди.

# § 2. Строк

Угоду укладено на строк з {periodFrom} по {periodTo}.

# § 3. Обов’язки Організації

1. Організація інформує Волонтера про ризики для здоров’я та безпеки, пов’язані з діяльністю, а також про правила захисту від небезпек.

2. Організація забезпечує Волонтерові безпечні та гігієнічні умови діяльності, зокрема — залежно від її характеру — необхідні засоби індивідуального захисту.

3. Організація покриває, на умовах, що діють для працівників, витрати на службові поїздки та добові, пов’язані з діяльністю, якщо Волонтер письмово не звільнить її від цього обов’язку.

4. Якщо діяльність триває не довше 30 днів, Організація страхує Волонтера від наслідків нещасних випадків. Волонтерові, який здійснює діяльність понад 30 днів, належать передбачені законом виплати у зв’язку з нещасними випадками під час діяльності.

# § 4. Інформація з охорони здоров’я та безпеки

Волонтер підтверджує, що перед початком діяльності отримав інформацію про ризики для здоров’я та безпеки, пов’язані з діяльністю, і про правила захисту від небезпек, ознайомився з нею та зобов’язується її дотримуватися.

# § 5. Припинення угоди

1. Кожна зі сторін може припинити цю угоду. Умови припинення: {termination}

2. Угода припиняє дію із закінченням строку, на який її укладено.

# § 6. Прикінцеві положення

1. На прохання Волонтера Організація видає письмову довідку про волонтерську діяльність та письмову характеристику.

2. У питаннях, не врегульованих цією угодою, застосовуються положення Закону «Про діяльність суспільної користі та волонтерство» та Цивільного кодексу Республіки Польща.`,
    },
    de: {
      title: 'Ehrenamtsvereinbarung',
      body: `geschlossen auf Grundlage von Art. 44 des polnischen Gesetzes vom 24. April 2003 über gemeinnützige Tätigkeit und Ehrenamt zwischen {organisationName} (nachfolgend „Organisation“) und {volunteerName} (nachfolgend „ehrenamtliche Person“).

# § 1. Umfang, Ort und Art der Tätigkeit

1. Die ehrenamtliche Person übernimmt freiwillig und unentgeltlich für die Organisation folgende Tätigkeiten: {scope}.

2. Ort der Tätigkeit: {place}.

3. Die ehrenamtliche Person übt die Tätigkeit persönlich und in Absprache mit der Ehrenamtskoordination der Organisation aus, achtet die Würde und die Rechte der unterstützten Menschen und wahrt über Informationen, die ihr im Rahmen der Tätigkeit bekannt werden, einschließlich personenbezogener Daten, Stillschweigen – auch nach dem Ende dieser Vereinbarung.

# § 2. Dauer

Die Vereinbarung wird für den Zeitraum vom {periodFrom} bis zum {periodTo} geschlossen.

# § 3. Pflichten der Organisation

1. Die Organisation informiert die ehrenamtliche Person über die mit der Tätigkeit verbundenen Risiken für Gesundheit und Sicherheit sowie über die Regeln zum Schutz vor diesen Gefahren.

2. Die Organisation sorgt für sichere und hygienische Bedingungen der Tätigkeit, einschließlich der persönlichen Schutzausrüstung, die die Art der Tätigkeit erfordert.

3. Die Organisation erstattet nach den für Arbeitnehmer geltenden Regeln die mit der Tätigkeit verbundenen Reisekosten und Tagegelder, sofern die ehrenamtliche Person sie nicht schriftlich von dieser Pflicht befreit.

4. Dauert die Tätigkeit nicht länger als 30 Tage, versichert die Organisation die ehrenamtliche Person gegen die Folgen von Unfällen. Bei einer Tätigkeit von mehr als 30 Tagen stehen der ehrenamtlichen Person die gesetzlichen Leistungen bei Unfällen während der Tätigkeit zu.

# § 4. Information über Sicherheit und Gesundheitsschutz

Die ehrenamtliche Person bestätigt, dass sie vor Beginn der Tätigkeit über die mit der Tätigkeit verbundenen Risiken für Gesundheit und Sicherheit und über die Regeln zum Schutz vor diesen Gefahren informiert wurde, diese Information zur Kenntnis genommen hat und sie einhalten wird.

# § 5. Beendigung

1. Jede Seite kann diese Vereinbarung beenden. Bedingungen der Beendigung: {termination}

2. Die Vereinbarung endet mit Ablauf des Zeitraums, für den sie geschlossen wurde.

# § 6. Schlussbestimmungen

1. Auf Wunsch der ehrenamtlichen Person stellt die Organisation einen schriftlichen Tätigkeitsnachweis und eine schriftliche Referenz über die Tätigkeit aus.

2. Für Fragen, die diese Vereinbarung nicht regelt, gelten das Gesetz über gemeinnützige Tätigkeit und Ehrenamt sowie das polnische Zivilgesetzbuch.`,
    },
    ar: {
      title: 'اتفاقية التطوع',
      body: `أبرمت هذه الاتفاقية استنادًا إلى المادة 44 من القانون البولندي الصادر في 24 نيسان/أبريل 2003 بشأن أنشطة المنفعة العامة والتطوع، بين {organisationName} (ويُشار إليها فيما يلي بـ«المنظمة») وبين {volunteerName} (ويُشار إليه فيما يلي بـ«المتطوع»).

# المادة 1: نطاق الخدمات ومكان أدائها وطريقته

1. يؤدي المتطوع لصالح المنظمة خدمات طوعية دون مقابل، في النطاق الآتي: {scope}.

2. مكان أداء الخدمات: {place}.

3. يؤدي المتطوع الخدمات بنفسه، بالتنسيق مع منسق المتطوعين في المنظمة، مع احترام كرامة الأشخاص الذين يساعدهم وحقوقهم، ويحافظ على سرية المعلومات التي يحصل عليها بمناسبة أداء الخدمات، بما فيها البيانات الشخصية، حتى بعد انتهاء هذه الاتفاقية.

# المادة 2: المدة

أبرمت هذه الاتفاقية للمدة من {periodFrom} إلى {periodTo}.

# المادة 3: التزامات المنظمة

1. تُبلغ المنظمة المتطوع بالمخاطر التي تهدد الصحة والسلامة المرتبطة بالخدمات وبقواعد الوقاية منها.

2. توفر المنظمة للمتطوع ظروفًا آمنة وصحية لأداء الخدمات، بما في ذلك معدات الحماية الشخصية التي تقتضيها طبيعة الخدمات.

3. تتحمل المنظمة، وفق القواعد المطبقة على الموظفين، تكاليف السفر والإقامة المرتبطة بأداء الخدمات، ما لم يُعفها المتطوع من هذا الالتزام كتابةً.

4. إذا كانت مدة الخدمات لا تزيد على 30 يومًا، تؤمّن المنظمة على المتطوع ضد عواقب الحوادث. ويستفيد المتطوع الذي تزيد مدة خدماته على 30 يومًا من التعويضات القانونية عن الحوادث التي تقع أثناء أداء الخدمات.

# المادة 4: معلومات الصحة والسلامة

يُقر المتطوع بأنه تلقى، قبل البدء في أداء الخدمات، معلومات عن المخاطر التي تهدد الصحة والسلامة المرتبطة بالخدمات وعن قواعد الوقاية منها، وأنه اطلع عليها ويلتزم بالتقيد بها.

# المادة 5: إنهاء الاتفاقية

1. يحق لكل من الطرفين إنهاء هذه الاتفاقية. شروط الإنهاء: {termination}

2. تنتهي الاتفاقية بانقضاء المدة التي أبرمت لها.

# المادة 6: أحكام ختامية

1. تُصدر المنظمة، بناءً على طلب المتطوع، شهادة تطوع مكتوبة وخطاب توصية مكتوبًا بشأن الخدمات.

2. تسري على المسائل التي لا تنظمها هذه الاتفاقية أحكام قانون أنشطة المنفعة العامة والتطوع والقانون المدني البولندي.`,
    },
  },
  certificate: {
    pl: {
      title: 'Zaświadczenie o wykonywaniu świadczeń przez wolontariusza',
      body: `{organisationName} zaświadcza, że w okresie od {periodFrom} do {periodTo} świadczenia wolontariackie na rzecz Organizacji, na zasadach określonych w ustawie z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie, wykonywała osoba: {volunteerName}.

Zakres wykonywanych świadczeń: {scope}.

Łączny wymiar świadczeń: {hours}.

Zaświadczenie wydaje się na wniosek wolontariusza.`,
    },
    en: {
      title: 'Certificate of volunteer service',
      body: `{organisationName} certifies that {volunteerName} performed volunteer services for the Organisation, under the Polish Act of 24 April 2003 on public benefit activity and volunteering, in the period from {periodFrom} to {periodTo}.

Scope of the services: {scope}.

Total time of service: {hours}.

This certificate is issued at the volunteer’s request.`,
    },
    uk: {
      title: 'Довідка про волонтерську діяльність',
      body: `{organisationName} підтверджує, що в період з {periodFrom} по {periodTo} волонтерську діяльність для Організації відповідно до Закону Республіки Польща від 24 квітня 2003 року «Про діяльність суспільної користі та волонтерство» здійснювала особа: {volunteerName}.

Обсяг діяльності: {scope}.

Загальний обсяг часу: {hours}.

Довідку видано на прохання волонтера.`,
    },
    de: {
      title: 'Tätigkeitsnachweis über ehrenamtliches Engagement',
      body: `{organisationName} bestätigt, dass {volunteerName} im Zeitraum vom {periodFrom} bis zum {periodTo} ehrenamtlich für die Organisation tätig war (auf Grundlage des polnischen Gesetzes vom 24. April 2003 über gemeinnützige Tätigkeit und Ehrenamt).

Umfang der Tätigkeit: {scope}.

Zeitlicher Umfang insgesamt: {hours}.

Dieser Nachweis wird auf Wunsch der ehrenamtlichen Person ausgestellt.`,
    },
    ar: {
      title: 'شهادة تطوع',
      body: `تشهد {organisationName} بقيام {volunteerName} بأداء خدمات تطوعية لصالح المنظمة، وفقًا للقانون البولندي الصادر في 24 نيسان/أبريل 2003 بشأن أنشطة المنفعة العامة والتطوع، خلال المدة من {periodFrom} إلى {periodTo}.

نطاق الخدمات: {scope}.

إجمالي مدة الخدمات: {hours}.

صدرت هذه الشهادة بناءً على طلب المتطوع.`,
    },
  },
  reference: {
    pl: {
      title: 'Opinia o wykonywaniu świadczeń przez wolontariusza',
      body: `Świadczenia wolontariackie na rzecz organizacji {organisationName} w okresie od {periodFrom} do {periodTo} wykonywała osoba: {volunteerName}.

Zakres wykonywanych świadczeń: {scope}.

Łączny wymiar świadczeń: {hours}.

# Ocena wykonywania świadczeń

{assessment}

Opinię wydaje się na wniosek wolontariusza.`,
    },
    en: {
      title: 'Reference on volunteer service',
      body: `{volunteerName} performed volunteer services for {organisationName} in the period from {periodFrom} to {periodTo}.

Scope of the services: {scope}.

Total time of service: {hours}.

# Assessment of the services

{assessment}

This reference is issued at the volunteer’s request.`,
    },
    uk: {
      title: 'Характеристика волонтерської діяльності',
      body: `Волонтерську діяльність для організації {organisationName} в період з {periodFrom} по {periodTo} здійснювала особа: {volunteerName}.

Обсяг діяльності: {scope}.

Загальний обсяг часу: {hours}.

# Оцінка діяльності

{assessment}

Характеристику видано на прохання волонтера.`,
    },
    de: {
      title: 'Referenz über ehrenamtliche Tätigkeit',
      body: `{volunteerName} war im Zeitraum vom {periodFrom} bis zum {periodTo} ehrenamtlich für {organisationName} tätig.

Umfang der Tätigkeit: {scope}.

Zeitlicher Umfang insgesamt: {hours}.

# Beurteilung der Tätigkeit

{assessment}

Diese Referenz wird auf Wunsch der ehrenamtlichen Person ausgestellt.`,
    },
    ar: {
      title: 'خطاب توصية بشأن الخدمات التطوعية',
      body: `تفيد {organisationName} بقيام {volunteerName} بأداء خدمات تطوعية لصالحها خلال المدة من {periodFrom} إلى {periodTo}.

نطاق الخدمات: {scope}.

إجمالي مدة الخدمات: {hours}.

# تقييم أداء الخدمات

{assessment}

صدر هذا الخطاب بناءً على طلب المتطوع.`,
    },
  },
};

/**
 * The words the PDF itself prints around the text, in the document's language (not the reader's interface
 * language: a Polish certificate is Polish whoever downloads it). Kept here, beside the legal wording.
 */
export const DOCUMENT_LABELS: Record<
  DocumentLocale,
  {
    /** The hours with their unit by plural category; `{n}` is the figure (Arabic writes one and two hours as words). */
    hour: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
    forOrganisation: string;
    volunteer: string;
    authorised: string;
    verify: string;
    acceptedElectronically: string;
    revoked: string;
  }
> = {
  pl: {
    hour: { one: '{n} godzina', few: '{n} godziny', many: '{n} godzin', other: '{n} godziny' },
    forOrganisation: 'Za Organizację (podpis)',
    volunteer: 'Wolontariusz (podpis)',
    authorised: 'Podpis osoby upoważnionej',
    verify: 'Autentyczność dokumentu można sprawdzić pod adresem:',
    acceptedElectronically: 'Zaakceptowane elektronicznie przez wolontariusza w systemie Tandem: {date}',
    revoked: 'DOKUMENT UNIEWAŻNIONY',
  },
  en: {
    hour: { one: '{n} hour', few: '{n} hours', many: '{n} hours', other: '{n} hours' },
    forOrganisation: 'For the Organisation (signature)',
    volunteer: 'The Volunteer (signature)',
    authorised: 'Signature of an authorised person',
    verify: 'Check that this document is genuine at:',
    acceptedElectronically: 'Accepted electronically by the volunteer in Tandem on {date}',
    revoked: 'REVOKED DOCUMENT',
  },
  uk: {
    hour: { one: '{n} година', few: '{n} години', many: '{n} годин', other: '{n} години' },
    forOrganisation: 'Від Організації (підпис)',
    volunteer: 'Волонтер (підпис)',
    authorised: 'Підпис уповноваженої особи',
    verify: 'Справжність документа можна перевірити за адресою:',
    acceptedElectronically: 'Прийнято волонтером в електронній формі в системі Tandem: {date}',
    revoked: 'ДОКУМЕНТ АНУЛЬОВАНО',
  },
  de: {
    hour: { one: '{n} Stunde', few: '{n} Stunden', many: '{n} Stunden', other: '{n} Stunden' },
    forOrganisation: 'Für die Organisation (Unterschrift)',
    volunteer: 'Ehrenamtliche Person (Unterschrift)',
    authorised: 'Unterschrift einer bevollmächtigten Person',
    verify: 'Die Echtheit dieses Dokuments kann hier geprüft werden:',
    acceptedElectronically: 'Von der ehrenamtlichen Person elektronisch in Tandem angenommen am {date}',
    revoked: 'WIDERRUFENES DOKUMENT',
  },
  ar: {
    hour: { zero: '{n} ساعة', one: 'ساعة واحدة', two: 'ساعتان', few: '{n} ساعات', many: '{n} ساعة', other: '{n} ساعة' },
    forOrganisation: 'عن المنظمة (التوقيع)',
    volunteer: 'المتطوع (التوقيع)',
    authorised: 'توقيع الشخص المفوَّض',
    verify: 'يمكن التحقق من صحة هذه الوثيقة على العنوان الآتي:',
    acceptedElectronically: 'قبِل المتطوع هذه الاتفاقية إلكترونيًا في نظام Tandem بتاريخ {date}',
    revoked: 'وثيقة ملغاة',
  },
};

/** Example values for the template preview, in the template's language. */
export const SAMPLE_VALUES: Record<DocumentLocale, { volunteerName: string; scope: string; place: string; termination: string; assessment: string }> = {
  pl: {
    volunteerName: 'Olena Kowalenko',
    scope: 'mentoring rodziny z Ukrainy, pomoc w kontaktach ze szkołą i urzędami',
    place: 'Świętochłowice oraz miejsca spotkań uzgodnione z rodziną',
    termination: 'z zachowaniem 14-dniowego okresu wypowiedzenia, a w razie rażącego naruszenia porozumienia — ze skutkiem natychmiastowym.',
    assessment: 'Wolontariuszka wykonywała świadczenia rzetelnie, punktualnie i z dużym zaangażowaniem.',
  },
  en: {
    volunteerName: 'Olena Kovalenko',
    scope: 'mentoring a family from Ukraine, help with school and public offices',
    place: 'Świętochłowice and meeting places agreed with the family',
    termination: 'with 14 days’ notice, or with immediate effect in the event of a serious breach of the agreement.',
    assessment: 'The volunteer performed the services reliably, punctually and with great commitment.',
  },
  uk: {
    volunteerName: 'Олена Коваленко',
    scope: 'наставництво для родини з України, допомога у спілкуванні зі школою та установами',
    place: 'Свєнтохловіце та місця зустрічей, погоджені з родиною',
    termination: 'з попередженням за 14 днів, а в разі грубого порушення угоди — негайно.',
    assessment: 'Волонтерка виконувала діяльність сумлінно, пунктуально та з великою відданістю.',
  },
  de: {
    volunteerName: 'Olena Kowalenko',
    scope: 'Patenschaft für eine Familie aus der Ukraine, Begleitung zu Schule und Behörden',
    place: 'Świętochłowice und mit der Familie vereinbarte Treffpunkte',
    termination: 'mit einer Frist von 14 Tagen, bei schwerem Verstoß gegen die Vereinbarung fristlos.',
    assessment: 'Die ehrenamtliche Person hat ihre Aufgaben zuverlässig, pünktlich und mit großem Engagement erfüllt.',
  },
  ar: {
    volunteerName: 'ليلى حداد',
    scope: 'إرشاد أسرة من سوريا، والمساعدة في التواصل مع المدرسة والمؤسسات الرسمية',
    place: 'شفينتوخوفيتسه وأماكن اللقاء المتفق عليها مع الأسرة',
    termination: 'بإشعار مسبق مدته 14 يومًا، أو بأثر فوري في حال الإخلال الجسيم بالاتفاقية.',
    assessment: 'أدّت المتطوعة الخدمات بأمانة وانضباط والتزام كبير.',
  },
};
