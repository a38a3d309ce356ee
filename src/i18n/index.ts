/**
 * Languages and the typed dictionaries every element uses. Each dictionary file exports
 * `{ en, zh }` of one interface, so a missing translation is a type error.
 */
export type Lang = 'en' | 'zh';

export const LANGS: readonly Lang[] = ['en', 'zh'];

/** The UI language for a `language` attribute value (`zh`, `zh-CN`, `en-PH`, …); `fallback` otherwise. */
export function uiLang(language: unknown, fallback: Lang): Lang {
  const base = (typeof language === 'string' ? language : '').toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(base ?? '') ? (base as Lang) : fallback;
}

/** The BCP 47 locale used for `Intl` formatting in a UI language. */
export const LOCALES: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };
