import type { Lang } from './index.ts';

/** Validation messages for `redirect_data`: each names the field and the rule it breaks. */
export interface RedirectRuleMessages {
  required(field: string): string;
  method(field: string): string;
  url(field: string): string;
  host(field: string, host: string): string;
  body(field: string): string;
  value(field: string): string;
  json(field: string): string;
  http(field: string, status: number): string;
  network(field: string): string;
  answer(field: string): string;
  timeout(field: string, seconds: number): string;
}

/** Texts of `<ecommpay-redirect>`. */
export interface RedirectMessages {
  waiting: string;
  redirecting: string;
  continue: string;
  fallback: string;
  blocked: string;
  decline: string;
  declineReason(reason: string): string;
  success: string;
  invalid: string;
  unavailable: string;
  rules: RedirectRuleMessages;
}

export const redirectMessages: Record<Lang, RedirectMessages> = {
  en: {
    waiting: 'Contacting your bank…',
    redirecting: 'Taking you to your bank…',
    continue: 'Continue to your bank',
    fallback: 'Not redirected? Continue to your bank',
    blocked: 'Your browser stopped the automatic redirect. Use the button to continue to your bank.',
    decline: 'The payment was declined.',
    declineReason: (reason) => `Reason: ${reason}`,
    success: 'The payment is complete.',
    invalid: 'You cannot be taken to your bank because the redirect details are invalid:',
    unavailable: 'Your bank’s page is not available yet. Please try again later.',
    rules: {
      required: (f) => `${f} is required`,
      method: (f) => `${f} must be GET or POST`,
      url: (f) => `${f} must be an absolute https: or http: URL`,
      host: (f, h) => `${f} host ${h} is not in allowed-hosts`,
      body: (f) => `${f} must be an object of fields (or an empty array)`,
      value: (f) => `${f} must be a string, a number, a boolean or null`,
      json: (f) => `${f} must be a JSON object`,
      http: (f, s) => `${f} answered HTTP ${s}`,
      network: (f) => `${f} could not be reached`,
      answer: (f) => `${f} must answer {"redirect_data": {…}} or {"status": "…"}`,
      timeout: (f, s) => `${f} gave no redirect_data within ${s} s`,
    },
  },
  zh: {
    waiting: '正在联系您的银行…',
    redirecting: '正在跳转至您的银行…',
    continue: '前往银行页面',
    fallback: '没有自动跳转？请点击前往银行页面',
    blocked: '浏览器阻止了自动跳转，请点击按钮前往银行页面。',
    decline: '支付被拒绝。',
    declineReason: (reason) => `原因：${reason}`,
    success: '支付已完成。',
    invalid: '跳转信息有误，无法前往银行页面：',
    unavailable: '暂时无法获取银行页面，请稍后重试。',
    rules: {
      required: (f) => `${f} 为必填项`,
      method: (f) => `${f} 必须是 GET 或 POST`,
      url: (f) => `${f} 必须是 https: 或 http: 绝对地址`,
      host: (f, h) => `${f} 的主机 ${h} 不在 allowed-hosts 列表中`,
      body: (f) => `${f} 必须是字段对象（或空数组）`,
      value: (f) => `${f} 必须是字符串、数字、布尔值或 null`,
      json: (f) => `${f} 必须是 JSON 对象`,
      http: (f, s) => `${f} 返回 HTTP ${s}`,
      network: (f) => `无法连接 ${f}`,
      answer: (f) => `${f} 应返回 {"redirect_data": {…}} 或 {"status": "…"}`,
      timeout: (f, s) => `${f} 在 ${s} 秒内未返回 redirect_data`,
    },
  },
};
