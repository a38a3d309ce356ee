/**
 * Languages and the typed dictionaries every element uses. Each dictionary file exports
 * `{ en, zh }` of one interface, so a missing translation is a type error.
 */
export type Lang = 'en' | 'zh';

export const LANGS: readonly Lang[] = ['en', 'zh'];

/** The UI language for a `language` attribute value (`zh`, `zh-CN`, `en-PH`, …); `fallback` otherwise. */
export function uiLang(language: unknown, fallback: Lang): Lang {
  // Only the primary subtag counts (at most 8 letters): read no further, so a 100 kB tag costs nothing
  // however often a render asks (the payout form asks once per region it lists).
  const base = (typeof language === 'string' ? language.slice(0, 9) : '').toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(base ?? '') ? (base as Lang) : fallback;
}

/** The BCP 47 locale used for `Intl` formatting in a UI language. */
export const LOCALES: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };
