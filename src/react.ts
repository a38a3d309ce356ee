/**
 * `ecommpay-elements/react`: types that make the four elements type-check in React 19 TSX, with
 * every attribute, property and event. Types only: at runtime this module is empty.
 *
 * Enable it once in your project, either in a file the compiler sees:
 *
 *   import type {} from 'ecommpay-elements/react';
 *
 * or in `tsconfig.json`: `"compilerOptions": { "types": ["ecommpay-elements/react", …] }`. Then:
 *
 *   import 'ecommpay-elements/checkout';
 *
 *   <ecommpay-checkout
 *     method="cup-bank" project-id={581} payment-id={order.id} amount={order.amount}
 *     customer-id={user.id} description="Order 42" sign-url="/api/ecommpay/sign"
 *     extraParams={{ merchant_success_url: 'https://shop.example/done' }}
 *     onecommpay-launch={(event) => console.log(event.detail.url)}
 *   >Pay now</ecommpay-checkout>
 *
 * What React 19 does with a custom element's props, and so what these types allow:
 * - A prop the element has as a property (`name in element`) is set as that property; any other
 *   is set as an attribute. So each element accepts its attributes as in HTML (`project-id`,
 *   text or a number; boolean attributes as `true`/`false`) and its writable properties in
 *   camelCase (`projectId`, `extraParams`, `sign`, `values`, `redirectData`), typed from the
 *   element classes. Import the element's module before rendering it: a property given to an
 *   element not defined yet becomes an attribute (and an object then reads `[object Object]`).
 * - `on<event-name>` adds a listener for exactly that event name: `onecommpay-launch` listens to
 *   `ecommpay-launch`. The camelCase form (`onEcommpayLaunch`) would listen to an event named
 *   `EcommpayLaunch`, which never fires, so it is a type error here. Each handler receives the
 *   element's typed event (`EcommpayLaunchEvent`, `event.detail.url`, …).
 * - React's own props (`key`, `ref` typed to the element's class, `children`, `className`, `id`,
 *   `style`, `slot`, `hidden`, `aria-*`, `onClick`, …) as on any HTML element.
 *
 * TypeScript does not check JSX attribute names that contain a hyphen (it treats them like
 * `data-*`), so a misspelt `projet-id` or `onecommpay-lanch` is not reported: prefer the
 * camelCase property where a typo matters.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { MethodCode } from './core/methods/index.ts';
import type { Display } from './core/payment-page.ts';
import type { RedirectData, RedirectTarget } from './core/redirect.ts';
import type { Lang } from './i18n/index.ts';
import type { BankOperation } from './core/banks.ts';
import type { EcommpayBankSelect } from './elements/bank-select/ecommpay-bank-select.ts';
import type { EcommpayCheckout } from './elements/checkout/ecommpay-checkout.ts';
import type { EcommpayPayoutForm } from './elements/payout-form/ecommpay-payout-form.ts';
import type { EcommpayRedirect } from './elements/redirect/ecommpay-redirect.ts';
import type { EcommpayBanksEvent } from './elements/bank-select/events.ts';
import type { EcommpayCloseEvent, EcommpayPaymentEvent } from './elements/checkout/events.ts';
import type { EcommpayAmountChangeEvent, EcommpayErrorEvent, EcommpayLaunchEvent, EcommpayReadyEvent } from './elements/events.ts';
import type { EcommpayPayoutSubmitEvent } from './elements/payout-form/events.ts';
import type { EcommpayRedirectEvent, EcommpayStatusEvent } from './elements/redirect/events.ts';

/**
 * Every event the elements fire, by name, with its class: the handlers' types. These imports are
 * what make them hold in an app that imports one element's entry, whose types reach only its own
 * events (a `GlobalEventHandlersEventMap` lookup for `ecommpay-banks` failed there).
 */
export interface EcommpayEventMap {
  'ecommpay-ready': EcommpayReadyEvent;
  'ecommpay-launch': EcommpayLaunchEvent;
  'ecommpay-amount-change': EcommpayAmountChangeEvent;
  'ecommpay-error': EcommpayErrorEvent;
  'ecommpay-payment': EcommpayPaymentEvent;
  'ecommpay-close': EcommpayCloseEvent;
  'ecommpay-redirect': EcommpayRedirectEvent;
  'ecommpay-status': EcommpayStatusEvent;
  'ecommpay-banks': EcommpayBanksEvent;
  'ecommpay-payout-submit': EcommpayPayoutSubmitEvent;
  /** `<ecommpay-bank-select>`: the buyer chose a bank (a plain DOM event). */
  change: Event;
}

// ── building blocks ───────────────────────────────────────────────────────

/** `projectId` → `project-id`: a property's attribute name. */
type Kebab<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${Kebab<Tail>}`
  : S;

/** What an attribute holds: a boolean attribute is present or not; any other takes text (or a number React writes as text). */
type AttributeValue<T> = [Exclude<T, null | undefined>] extends [boolean] ? boolean : string | number;

/**
 * One element's own props: its attributes (`Attribute`: the camelCase properties that have one,
 * written kebab-case), its writable properties (`Attribute | Property`, typed from the class),
 * `Exact` overriding both where the documented set is narrower than the class's `string`, and an
 * `on<event>` handler for each of `Events`.
 */
type OwnProps<
  E extends HTMLElement,
  Attribute extends keyof E & string,
  Property extends keyof E & string,
  Exact extends object,
  Events extends keyof EcommpayEventMap,
> = Omit<{ [P in Attribute as Kebab<P>]?: AttributeValue<E[P]> } & { [P in Attribute | Property]?: E[P] }, keyof Exact> &
  Exact & { [N in Events as `on${N}`]?: (event: EcommpayEventMap[N]) => void };

/** React's props of any HTML element (`key`, `ref` typed to the element, `children`, `className`, `style`, `slot`, `aria-*`, `onClick`, …) and the element's own. */
type ElementProps<E extends HTMLElement, Own extends object> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Own> & Own;

/** Every element's UI language. */
type Common = 'language';

/** `en` or `zh` suggested; any tag is accepted (`zh-CN`, `en-PH`… count as their language, others as the default). */
interface Language {
  language?: Lang | (string & {}) | null;
}

// ── the elements ──────────────────────────────────────────────────────────

/** `<ecommpay-checkout>`: DESIGN §1.1. */
export type EcommpayCheckoutProps = ElementProps<
  EcommpayCheckout,
  OwnProps<
    EcommpayCheckout,
    | Common
    | 'method'
    | 'projectId'
    | 'paymentId'
    | 'amount'
    | 'currency'
    | 'customerId'
    | 'description'
    | 'customerEmail'
    | 'customerFirstName'
    | 'customerLastName'
    | 'preselect'
    | 'splitBanks'
    | 'banksId'
    | 'minAmount'
    | 'maxAmount'
    | 'signUrl'
    | 'signTimeout'
    | 'paymentPageUrl'
    | 'allowMobile'
    | 'bankPicker'
    | 'banksUrl'
    | 'testMode'
    | 'display'
    | 'frameOnMobile'
    | 'closeOnBackdrop'
    | 'frameTimeout'
    | 'allowedHosts',
    'extraParams' | 'sign',
    Language & { method?: MethodCode | null; display?: Display | null },
    | 'ecommpay-ready'
    | 'ecommpay-launch'
    | 'ecommpay-amount-change'
    | 'ecommpay-error'
    | 'ecommpay-payment'
    | 'ecommpay-close'
    | 'ecommpay-redirect'
  >
>;

/** `<ecommpay-redirect>`: DESIGN §1.2. */
export type EcommpayRedirectProps = ElementProps<
  EcommpayRedirect,
  OwnProps<
    EcommpayRedirect,
    Common | 'redirectData' | 'src' | 'target' | 'manual' | 'allowedHosts' | 'pollInterval' | 'pollTimeout' | 'fallbackDelay',
    never,
    // The class takes anything (and refuses what breaks a rule); here, what ecommpay sends, or its JSON.
    Language & { target?: RedirectTarget | null; redirectData?: RedirectData | string | null; 'redirect-data'?: string },
    'ecommpay-redirect' | 'ecommpay-status' | 'ecommpay-error'
  >
>;

/** `<ecommpay-bank-select>`: DESIGN §1.3. */
export type EcommpayBankSelectProps = ElementProps<
  EcommpayBankSelect,
  OwnProps<
    EcommpayBankSelect,
    Common | 'method' | 'operation' | 'banksUrl' | 'testMode' | 'label' | 'value' | 'name' | 'required' | 'disabled',
    'error',
    Language & { method?: MethodCode | null; operation?: BankOperation | null },
    'change' | 'ecommpay-banks' | 'ecommpay-error'
  >
>;

/** `<ecommpay-payout-form>`: DESIGN §1.3. */
export type EcommpayPayoutFormProps = ElementProps<
  EcommpayPayoutForm,
  OwnProps<
    EcommpayPayoutForm,
    Common | 'method' | 'amount' | 'currency' | 'banksUrl' | 'name' | 'description' | 'testMode' | 'disabled',
    'values',
    Language & { method?: MethodCode | null },
    'ecommpay-payout-submit' | 'ecommpay-error'
  >
>;

declare module 'react' {
  // React 19 reads intrinsic elements from `React.JSX` (the automatic runtime's JSX extends it).
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'ecommpay-checkout': EcommpayCheckoutProps;
      'ecommpay-redirect': EcommpayRedirectProps;
      'ecommpay-bank-select': EcommpayBankSelectProps;
      'ecommpay-payout-form': EcommpayPayoutFormProps;
    }
  }
}
