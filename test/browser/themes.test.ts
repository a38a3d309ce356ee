/**
 * Themes (issue 14): every element readable in the light defaults, in the dark defaults
 * (`prefers-color-scheme: dark`), and with the README's dark theme on a dark page: axe's
 * `color-contrast` over each element in a state with text to read (errors, notices, buttons), and
 * the keyboard focus ring at 3:1 or more against the surface around it (WCAG 1.4.11).
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/index.ts';
import type { EcommpayCheckout } from '../../src/index.ts';
import type { EcommpayBankSelect } from '../../src/elements/bank-select/ecommpay-bank-select.ts';
import type { EcommpayPayoutForm } from '../../src/elements/payout-form/ecommpay-payout-form.ts';
import { cleanup, mount } from './helpers.ts';
import { mountCheckout, phAttributes } from './checkout/fixtures.ts';
import { mountForm } from './payout-form/fixtures.ts';
import { mountRedirect, reset } from './redirect/harness.ts';

/** The README's dark theme, verbatim. */
const DARK_THEME = `
ecommpay-checkout, ecommpay-redirect, ecommpay-bank-select, ecommpay-payout-form {
  --ecommpay-text: #e8eaf0;
  --ecommpay-muted: #aab2c0;
  --ecommpay-surface: #1b2130;
  --ecommpay-border: #7c869a;
  --ecommpay-accent: #9bb8ff;
  --ecommpay-accent-text: #0b1020;
  --ecommpay-error: #ffb4ab;
}`;

const CONTRAST = { runOnly: ['color-contrast'] };

/** Each element in a state with text to read, mounted. */
const STATES: { name: string; mount: () => Promise<HTMLElement & { updateComplete: Promise<boolean> }> }[] = [
  { name: 'checkout, ready to pay', mount: async () => (await mountCheckout(phAttributes)).el },
  { name: 'checkout, an error in its alert', mount: async () => (await mountCheckout({ ...phAttributes, amount: '1' })).el },
  {
    name: 'bank-select with its test-mode note',
    mount: async () => {
      const { el } = await mount<EcommpayBankSelect>('ecommpay-bank-select', { method: 'online-philippines-banks', operation: 'payout', 'test-mode': true });
      await el.loaded;
      await el.updateComplete;
      return el;
    },
  },
  {
    name: 'payout form after a failed submit',
    mount: async () => {
      const { el } = await mountForm({ method: 'online-philippines-banks', amount: '150000' });
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await el.updateComplete;
      await (el as EcommpayPayoutForm).updateComplete;
      return el;
    },
  },
  { name: 'redirect, manual: its button', mount: async () => (await mountRedirect({ manual: true }, { redirectData: { method: 'GET', url: 'https://bank.example/pay' } })).el },
  { name: 'redirect, an error', mount: async () => (await mountRedirect({}, { redirectData: { method: 'GET', url: 'javascript:void(0)' } })).el },
];

/** An sRGB colour from a computed value (`rgb()`, `rgba()`, `color(srgb …)`), as 0–1 channels. */
function channels(value: string): [number, number, number] {
  const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(value);
  if (srgb) return [Number(srgb[1]), Number(srgb[2]), Number(srgb[3])];
  const rgb = /rgba?\((\d+(?:\.\d+)?),? (\d+(?:\.\d+)?),? (\d+(?:\.\d+)?)/.exec(value);
  if (!rgb) throw new Error(`not a colour: ${value}`);
  return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255];
}

const luminance = (value: string) => {
  const [r, g, b] = channels(value).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** Tabs to the checkout's pay button and measures its focus ring against the card's surface. */
async function focusRing(): Promise<number> {
  const { el } = await mountCheckout(phAttributes);
  const button = (el as EcommpayCheckout).shadowRoot!.querySelector('button')!;
  (document.activeElement as HTMLElement | null)?.blur();
  await sendKeys({ press: 'Tab' });
  expect(el.shadowRoot!.activeElement).to.equal(button);
  expect(button.matches(':focus-visible')).to.equal(true);
  const ring = getComputedStyle(button);
  expect(ring.outlineStyle).to.equal('solid');
  expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
  return contrast(ring.outlineColor, getComputedStyle(el.shadowRoot!.querySelector('.base')!).backgroundColor);
}

/** axe's colour contrast over every state, and the focus ring, in the scheme and theme set up around them. */
function contrastTests(): void {
  for (const state of STATES) {
    it(`${state.name}: colour contrast`, async () => {
      await expect(await state.mount()).to.be.accessible(CONTRAST);
    });
  }

  it('the focus ring: 3:1 or more against the surface', async () => {
    expect(await focusRing()).to.be.at.least(3);
  });
}

function themed(css: string, pageBackground: string): () => void {
  const style = document.createElement('style');
  style.textContent = `${css}\nbody { background: ${pageBackground}; }`;
  document.head.append(style);
  return () => style.remove();
}

describe('themes', () => {
  afterEach(() => {
    reset();
    cleanup();
  });

  describe('light defaults', () => {
    contrastTests();
  });

  describe('dark defaults (prefers-color-scheme: dark)', () => {
    before(async function () {
      try {
        await emulateMedia({ colorScheme: 'dark' });
      } catch {
        // WebKit's driver (WebDriver classic) cannot emulate the media: these run in Chromium and Firefox.
        this.skip();
      }
    });
    after(async () => {
      try {
        await emulateMedia({ colorScheme: 'light' });
      } catch {
        // nothing was emulated
      }
    });

    it('the media query really applies (the surface is dark)', async () => {
      const { el } = await mountCheckout(phAttributes);
      expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
      expect(luminance(getComputedStyle(el.shadowRoot!.querySelector('.base')!).backgroundColor)).to.be.below(0.05);
    });

    contrastTests();
  });

  describe("the README's dark theme on a dark page (whatever the system's scheme)", () => {
    let restore: () => void;
    beforeEach(() => {
      restore = themed(DARK_THEME, '#0b0f19');
    });
    afterEach(() => restore());

    contrastTests();
  });
});
