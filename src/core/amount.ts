/** Money in minor units, as ecommpay counts it (`1000` = 10.00). */
import { LOCALES, type Lang } from '../i18n/index.ts';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, f);
  }
  return f;
}

/** Decimal places of a currency's minor unit (CNY, PHP: 2). */
export function minorDigits(currency: string): number {
  try {
    return formatter(currency, 'en-US').resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** `10000, 'CNY', 'zh'` → `¥100.00`; an unknown currency falls back to `100.00 XXX`. */
export function formatAmount(minor: number, currency: string, lang: Lang): string {
  const digits = minorDigits(currency);
  const major = minor / 10 ** digits;
  try {
    return formatter(currency, LOCALES[lang]).format(major);
  } catch {
    return `${major.toFixed(digits)} ${currency}`;
  }
}
