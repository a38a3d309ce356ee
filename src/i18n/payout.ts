import type { IssueParams, IssueRule } from '../core/errors.ts';
import type { Lang } from './index.ts';

/** Texts of `<ecommpay-payout-form>`. Field labels are keyed by the field's path in the Gate request. */
export interface PayoutMessages {
  labels: Record<string, string>;
  hints: Record<string, string>;
  /** `card.pan` when it holds a bank account number (CUP). */
  accountNumber: string;
  panType: string;
  panCard: string;
  panAccount: string;
  amount(currency: string): string;
  amountFixed: string;
  limits(min: string, max: string): string;
  instapay(max: string): string;
  regionPlaceholder: string;
  optional: string;
  submit: string;
  fixErrors: string;
  /** A rule of the request no field of the form can fix (currency, description). */
  invalidSetup: string;
  /** The region list could not be loaded. */
  loadFailed: string;
  /** The buyer's sentence for a broken rule on a field; `limit` is already formatted as money. */
  issue(rule: IssueRule, label: string, params: IssueParams & { limit?: string | number }): string;
}

export const payoutMessages: Record<Lang, PayoutMessages> = {
  en: {
    labels: {
      'customer.last_name': 'Last name (in Chinese)',
      'customer.first_name': 'First name (in Chinese)',
      'customer.identify.doc_number': 'Identity document number',
      'customer.phone': 'Phone',
      'customer.email': 'E-mail',
      'customer.state': 'Province (in Chinese)',
      'customer.city': 'City (in Chinese)',
      'customer.street': 'Street address (in Chinese)',
      'customer.zip': 'Postcode',
      'card.pan': 'Card number',
      'account.customer_name': 'Account holder name',
      'account.number': 'Account number',
      'account.bank_id': 'Bank',
      'account.region_id': 'Bank region',
      'account.city': 'Bank city',
      'account.branch': 'Branch',
      'payment.amount': 'Amount',
    },
    hints: {
      'customer.phone': 'Digits only, with the country code, no “+” (e.g. 8613800138000).',
      'account.number': 'Digits only.',
      'card.pan': '16–19 digits.',
    },
    accountNumber: 'Bank account number',
    panType: 'Pay out to',
    panCard: 'Card number',
    panAccount: 'Bank account number',
    amount: (c) => `Amount (${c})`,
    amountFixed: 'Amount',
    limits: (min, max) => `Between ${min} and ${max}.`,
    instapay: (max) => `Up to ${max} arrives within minutes (InstaPay); larger amounts go by PESONet batch transfer.`,
    regionPlaceholder: 'Choose a region…',
    optional: '(optional)',
    submit: 'Request payout',
    fixErrors: 'Please correct the highlighted fields.',
    invalidSetup: 'This payout form is set up incorrectly. Please contact the shop.',
    loadFailed: 'Part of this form could not be loaded. Check your connection and try again.',
    issue: (rule, label, p) => {
      switch (rule) {
        case 'required':
          return `${label} is required`;
        case 'min':
          return `${label} must be at least ${p.limit}`;
        case 'max':
          return `${label} must be at most ${p.limit}`;
        case 'digits':
          return `${label} must be ${p.min === p.max ? p.min : `${p.min}–${p.max}`} digits`;
        case 'luhn':
          return `${label} is not a valid card number (checksum)`;
        case 'chinese':
          return `${label} must be written in Chinese characters`;
        case 'email':
          return `${label} must be an e-mail address`;
        case 'no-semicolon':
          return `${label} must not contain ";"`;
        case 'not-in-list':
          return `${label} is not one of the listed choices`;
        case 'pattern':
          return `${label} must look like ${p.example}`;
        default:
          return `${label} is not valid`;
      }
    },
  },
  zh: {
    labels: {
      'customer.last_name': '姓（中文）',
      'customer.first_name': '名（中文）',
      'customer.identify.doc_number': '身份证件号码',
      'customer.phone': '手机号码',
      'customer.email': '电子邮箱',
      'customer.state': '省份（中文）',
      'customer.city': '城市（中文）',
      'customer.street': '街道地址（中文）',
      'customer.zip': '邮政编码',
      'card.pan': '银行卡号',
      'account.customer_name': '账户持有人姓名',
      'account.number': '账号',
      'account.bank_id': '银行',
      'account.region_id': '开户行所在省份',
      'account.city': '开户行所在城市',
      'account.branch': '开户支行',
      'payment.amount': '金额',
    },
    hints: {
      'customer.phone': '仅限数字，含国家代码，不加“+”（例如 8613800138000）。',
      'account.number': '仅限数字。',
      'card.pan': '16–19 位数字。',
    },
    accountNumber: '银行账号',
    panType: '收款方式',
    panCard: '银行卡号',
    panAccount: '银行账号',
    amount: (c) => `金额（${c}）`,
    amountFixed: '金额',
    limits: (min, max) => `金额范围：${min} – ${max}。`,
    instapay: (max) => `${max} 以内通过 InstaPay 几分钟内到账；更高金额通过 PESONet 批量转账。`,
    regionPlaceholder: '请选择地区…',
    optional: '（选填）',
    submit: '申请提现',
    fixErrors: '请更正标出的字段。',
    invalidSetup: '提现表单设置有误，请联系商户。',
    loadFailed: '表单部分内容加载失败，请检查网络后重试。',
    issue: (rule, label, p) => {
      switch (rule) {
        case 'required':
          return `${label}为必填项`;
        case 'min':
          return `${label}不得低于 ${p.limit}`;
        case 'max':
          return `${label}不得高于 ${p.limit}`;
        case 'digits':
          return `${label}必须是 ${p.min === p.max ? p.min : `${p.min}–${p.max}`} 位数字`;
        case 'luhn':
          return `${label}不是有效的卡号（校验失败）`;
        case 'chinese':
          return `${label}必须使用中文填写`;
        case 'email':
          return `${label}必须是有效的电子邮件地址`;
        case 'no-semicolon':
          return `${label}不得包含“;”`;
        case 'not-in-list':
          return `${label}不在可选范围内`;
        case 'pattern':
          return `${label}的格式应为 ${p.example}`;
        default:
          return `${label}无效`;
      }
    },
  },
};
