import type { Lang } from './index.ts';

/** Validation messages: each names the field and the rule it breaks. */
export interface RuleMessages {
  required(field: string): string;
  integer(field: string): string;
  positiveInteger(field: string): string;
  atLeast(field: string, limit: string): string;
  atMost(field: string, limit: string): string;
  oneOf(field: string, values: readonly string[]): string;
  maxLength(field: string, max: number): string;
  noSemicolon(field: string): string;
  onlyValue(field: string, value: string, method: string): string;
  onlyForMethod(field: string, method: string): string;
  email(field: string): string;
  url(field: string): string;
  digits(field: string, min: number, max: number): string;
  format(field: string, example: string): string;
  chinese(field: string): string;
  luhn(field: string): string;
  integerList(field: string): string;
  reserved(field: string, attribute: string): string;
  scalar(field: string): string;
  notInList(field: string): string;
}

export const ruleMessages: Record<Lang, RuleMessages> = {
  en: {
    required: (f) => `${f} is required`,
    integer: (f) => `${f} must be a whole number (minor units, e.g. 1000 = 10.00)`,
    positiveInteger: (f) => `${f} must be a positive whole number`,
    atLeast: (f, l) => `${f} must be at least ${l}`,
    atMost: (f, l) => `${f} must be at most ${l}`,
    oneOf: (f, v) => `${f} must be one of: ${v.join(', ')}`,
    maxLength: (f, m) => `${f} must be at most ${m} characters`,
    noSemicolon: (f) => `${f} must not contain ";"`,
    onlyValue: (f, v, m) => `${f} must be ${v} for ${m}`,
    onlyForMethod: (f, m) => `${f} applies to ${m} only`,
    email: (f) => `${f} must be an e-mail address`,
    url: (f) => `${f} must be an absolute https: URL (http: only for localhost)`,
    digits: (f, min, max) =>
      min === max ? `${f} must be ${min} digits` : `${f} must be ${min}–${max} digits`,
    format: (f, e) => `${f} must look like ${e}`,
    chinese: (f) => `${f} must be written in Chinese characters`,
    luhn: (f) => `${f} is not a valid card number (checksum)`,
    integerList: (f) => `${f} must be a comma-separated list of whole numbers`,
    reserved: (f, a) => `${f} is set through the ${a} attribute, not extraParams`,
    scalar: (f) => `${f} must be a string, a number or a boolean`,
    notInList: (f) => `${f} is not one of the listed choices`,
  },
  zh: {
    required: (f) => `${f} 为必填项`,
    integer: (f) => `${f} 必须是整数（以最小货币单位计，例如 1000 = 10.00）`,
    positiveInteger: (f) => `${f} 必须是正整数`,
    atLeast: (f, l) => `${f} 不得低于 ${l}`,
    atMost: (f, l) => `${f} 不得高于 ${l}`,
    oneOf: (f, v) => `${f} 必须是以下之一：${v.join('、')}`,
    maxLength: (f, m) => `${f} 不得超过 ${m} 个字符`,
    noSemicolon: (f) => `${f} 不得包含“;”`,
    onlyValue: (f, v, m) => `${m} 要求 ${f} 为 ${v}`,
    onlyForMethod: (f, m) => `${f} 仅适用于 ${m}`,
    email: (f) => `${f} 必须是有效的电子邮件地址`,
    url: (f) => `${f} 必须是 https: 绝对地址（http: 仅限 localhost）`,
    digits: (f, min, max) => (min === max ? `${f} 必须是 ${min} 位数字` : `${f} 必须是 ${min}–${max} 位数字`),
    format: (f, e) => `${f} 的格式应为 ${e}`,
    chinese: (f) => `${f} 必须使用中文填写`,
    luhn: (f) => `${f} 不是有效的卡号（校验失败）`,
    integerList: (f) => `${f} 必须是以逗号分隔的整数列表`,
    reserved: (f, a) => `${f} 应通过 ${a} 属性设置，而不是 extraParams`,
    scalar: (f) => `${f} 必须是字符串、数字或布尔值`,
    notInList: (f) => `${f} 不在可选范围内`,
  },
};
