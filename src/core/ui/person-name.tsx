import { isNonLatinName, nameScript, transliterate } from '../i18n/index.js';

/**
 * A person's name as one string, given name first ("Olena Kovalenko"); a missing part leaves no stray space. The one
 * definition every module uses (it was written seven times).
 */
export const fullName = (p: { givenName: string | null; familyName: string | null }): string => [p.givenName, p.familyName].filter(Boolean).join(' ');

/**
 * A person's name as written, and — when it is Cyrillic or Arabic — its Latin transliteration after it:
 * "Коваленко Олена (Kovalenko Olena)". The original carries its own `lang` and `dir` (an Arabic name is read right to
 * left inside a Polish page); the transliteration is marked `<lang>-Latn`, left to right, so screen readers read
 * each in its own voice. With `href` the original is the link and the transliteration follows it.
 */
export function PersonName({ name, href }: { name: string; href?: string }) {
  const script = nameScript(name);
  const attrs = script ? { lang: script.lang, dir: script.dir } : {};
  const original = href ? (
    <a href={href} {...attrs}>
      {name}
    </a>
  ) : script ? (
    <bdi {...attrs}>{name}</bdi>
  ) : (
    name
  );
  if (!script || !isNonLatinName(name)) return <>{original}</>;
  return (
    <>
      {original}{' '}
      <span class="latin-name" lang={`${script.lang}-Latn`} dir="ltr">
        ({transliterate(name)})
      </span>
    </>
  );
}
