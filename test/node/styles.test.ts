/**
 * Themes (issue 14): every colour the elements paint comes from a documented `--ecommpay-*`
 * property (a literal only as its default), and every property the styles read is documented on
 * each element that uses it (the manifest and the README are built from those comments).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path: string) => readFileSync(new URL(`../../src/elements/${path}`, import.meta.url), 'utf8');
const SHARED = 'shared.styles.ts';
const ELEMENTS: Record<string, string[]> = {
  'checkout/ecommpay-checkout.ts': [SHARED, 'checkout/ecommpay-checkout.styles.ts', 'checkout/frame.styles.ts'],
  'redirect/ecommpay-redirect.ts': [SHARED, 'redirect/ecommpay-redirect.styles.ts'],
  'bank-select/ecommpay-bank-select.ts': [SHARED, 'bank-select/ecommpay-bank-select.styles.ts'],
  'payout-form/ecommpay-payout-form.ts': [SHARED, 'payout-form/ecommpay-payout-form.styles.ts', 'bank-select/ecommpay-bank-select.styles.ts'],
};
const COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgb|hsl)a?\(/i;

for (const file of new Set(Object.values(ELEMENTS).flat())) {
  test(`${file}: a colour literal only as the default of an --ecommpay-* property (or in a shadow)`, () => {
    const loose = read(file)
      .split('\n')
      .filter((line) => COLOUR.test(line) && !/var\(--ecommpay-[a-z-]+, /.test(line) && !/box-shadow/.test(line) && !/^\s*(\*|\/\/)/.test(line));
    assert.deepEqual(loose, []);
  });
}

for (const [element, styles] of Object.entries(ELEMENTS)) {
  test(`${element}: every --ecommpay-* property its styles read is documented (@cssproperty)`, () => {
    const used = new Set(styles.flatMap((file) => [...read(file).matchAll(/var\((--ecommpay-[a-z-]+)/g)].map((m) => m[1]!)));
    const documented = new Set([...read(element).matchAll(/@cssproperty (--ecommpay-[a-z-]+)/g)].map((m) => m[1]!));
    assert.deepEqual([...used].filter((p) => !documented.has(p)), []);
  });
}

test("the README's dark theme is the one the browser tests check", () => {
  const theme = /const DARK_THEME = `\n([^`]+)`;/.exec(readFileSync(new URL('../browser/themes.test.ts', import.meta.url), 'utf8'))![1]!;
  assert.ok(readFileSync(new URL('../../README.md', import.meta.url), 'utf8').includes(`\`\`\`css\n${theme}\n\`\`\``));
});
