/**
 * `ecommpay-elements/react` in a React 19 + TypeScript app, as installed from the packed tarball:
 * every element with its attributes, properties and `on<event>` handlers type-checks (with the
 * handlers' events and refs exactly the element's); the React types cover every attribute,
 * writable property and event of the installed custom-elements.json and nothing else; and each
 * mistake a merchant could make is a TypeScript error at the line and column of the mistake.
 * One `tsc` run checks it all (each snippet in a file of its own).
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixture, installedPackage, tsc, writeFixture, type Diagnostic, type Installed } from './helpers.ts';

/** TypeScript's codes for what the snippets get wrong. */
const NOT_ASSIGNABLE = 2322;
const NO_SUCH_PROPERTY = 2339;
const MISSING_PROPERTIES = 2740;

/**
 * Mistakes, each alone in a file: the JSX, the error code, and the text the error points at (its
 * first occurrence on the snippet's line). Attribute names with a hyphen are never reported as
 * unknown by TypeScript (like `data-*`), so misspellings here are identifier-like; a wrong value
 * of a hyphenated one is reported, at the element's tag name.
 */
const MISTAKES: { name: string; jsx: string; code: number; at: string }[] = [
  { name: 'a misspelt attribute', jsx: '<ecommpay-checkout metod="cup-bank" />', code: NOT_ASSIGNABLE, at: 'metod' },
  { name: 'a method that is not one of the two', jsx: '<ecommpay-checkout method="paypal" />', code: NOT_ASSIGNABLE, at: 'method' },
  { name: 'a camelCase event handler (would listen to "EcommpayLaunch")', jsx: '<ecommpay-checkout onEcommpayLaunch={() => {}} />', code: NOT_ASSIGNABLE, at: 'onEcommpayLaunch' },
  { name: 'a detail field the event does not have', jsx: '<ecommpay-checkout onecommpay-launch={(event) => event.detail.href} />', code: NO_SUCH_PROPERTY, at: 'href' },
  { name: 'a display that is not documented', jsx: '<ecommpay-checkout display="popup" />', code: NOT_ASSIGNABLE, at: 'display' },
  { name: 'a property of another element', jsx: '<ecommpay-payout-form projectId={581} />', code: NOT_ASSIGNABLE, at: 'projectId' },
  { name: 'a read-only property', jsx: '<ecommpay-checkout launchParams={null} />', code: NOT_ASSIGNABLE, at: 'launchParams' },
  { name: 'a property of the wrong type', jsx: '<ecommpay-checkout extraParams="customer_phone=1" />', code: NOT_ASSIGNABLE, at: 'extraParams' },
  { name: 'a boolean attribute given text', jsx: '<ecommpay-checkout split-banks="yes" />', code: NOT_ASSIGNABLE, at: 'ecommpay-checkout' },
  { name: 'an attribute given an object', jsx: '<ecommpay-checkout project-id={{ id: 581 }} />', code: NOT_ASSIGNABLE, at: 'ecommpay-checkout' },
  { name: 'a redirect target that is not documented', jsx: '<ecommpay-redirect target="_blank" />', code: NOT_ASSIGNABLE, at: 'target' },
  { name: 'a bank-select operation that is not documented', jsx: '<ecommpay-bank-select operation="refund" />', code: NOT_ASSIGNABLE, at: 'operation' },
  { name: 'a handler expecting another element\'s event', jsx: '<ecommpay-payout-form onecommpay-payout-submit={(event: EcommpayLaunchEvent) => event.detail.url} />', code: NOT_ASSIGNABLE, at: 'ecommpay-payout-form' },
  { name: 'a ref to another kind of element', jsx: '<ecommpay-checkout ref={{ current: document.createElement(\'input\') }} />', code: MISSING_PROPERTIES, at: 'current' },
];

/** A mistake's file: the snippet is always on line 3. */
const SNIPPET_LINE = 3;
const mistakeFile = (jsx: string) =>
  `import type {} from 'ecommpay-elements/react';\nimport type { EcommpayLaunchEvent } from 'ecommpay-elements/checkout';\nexport const snippet = ${jsx};\nexport type Unused = EcommpayLaunchEvent;\n`;

interface ManifestElement {
  tagName: string;
  attributes?: { name: string }[];
  members?: { kind: string; name: string; static?: boolean; readonly?: boolean; privacy?: string }[];
  events?: { name: string }[];
}

/** Each element's React props as the installed manifest has them: attributes, writable public fields, `on<event>`. */
function manifestProps(project: Installed): Map<string, { key: string; what: string }[]> {
  const manifest = JSON.parse(readFileSync(project.require.resolve('ecommpay-elements/custom-elements.json'), 'utf8')) as {
    modules: { declarations?: (ManifestElement & { customElement?: boolean })[] }[];
  };
  const elements = new Map<string, { key: string; what: string }[]>();
  for (const declaration of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (!declaration.customElement) continue;
    const keys = [
      ...(declaration.attributes ?? []).map((a) => ({ key: a.name, what: 'attribute' })),
      ...(declaration.members ?? [])
        .filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_'))
        .map((m) => ({ key: m.name, what: 'property' })),
      ...(declaration.events ?? []).map((e) => ({ key: `on${e.name}`, what: 'event' })),
    ];
    const unique = [...new Map(keys.map((k) => [k.key, k])).values()];
    elements.set(declaration.tagName, unique);
  }
  return elements;
}

/**
 * The manifest's props as a TypeScript file: each key on a line of its own (a key the React types
 * lack is an error on its line), and for each element the exact set of its own props (a prop the
 * manifest lacks fails `Equal`).
 */
function manifestFile(elements: Map<string, { key: string; what: string }[]>): { text: string; lineOf: Map<number, string> } {
  const lines = [
    "import type {} from 'ecommpay-elements/react';",
    "import type { DetailedHTMLProps, HTMLAttributes, JSX } from 'react';",
    'type Own<Tag extends keyof JSX.IntrinsicElements> = Exclude<keyof JSX.IntrinsicElements[Tag], keyof DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement>>;',
    'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
    'type Expect<T extends true> = T;',
  ];
  const lineOf = new Map<number, string>();
  let n = 0;
  for (const [tag, keys] of elements) {
    lines.push(`export const keys${n}: Own<'${tag}'>[] = [`);
    for (const { key, what } of keys) {
      lines.push(`  '${key}',`);
      lineOf.set(lines.length, `<${tag}> ${what} ${key}`);
    }
    lines.push('];');
    lines.push(`export type Exact${n} = Expect<Equal<Own<'${tag}'>, ${keys.map((k) => `'${k.key}'`).join(' | ')}>>;`);
    lineOf.set(lines.length, `<${tag}>: its own React props are not exactly the manifest's (a prop the manifest lacks, or one above)`);
    n++;
  }
  return { text: `${lines.join('\n')}\n`, lineOf };
}

let project: Installed;
let elements: Map<string, { key: string; what: string }[]>;
let manifest: ReturnType<typeof manifestFile>;
let diagnostics: Diagnostic[];
let output: string;

before(async () => {
  project = await installedPackage();
  elements = manifestProps(project);
  manifest = manifestFile(elements);
  const files: Record<string, string> = {
    'tsconfig.json': fixture('react/tsconfig.json'),
    'elements.tsx': fixture('react/elements.tsx'),
    'app.tsx': fixture('react/app.tsx'),
    'manifest-props.ts': manifest.text,
  };
  MISTAKES.forEach(({ jsx }, i) => (files[`mistake-${i}.tsx`] = mistakeFile(jsx)));
  const dir = writeFixture(project, 'react-types', files);
  ({ diagnostics, output } = await tsc(project, dir));
});

const inFile = (name: string) => diagnostics.filter((d) => d.file === name);

test('every element with attributes, properties (extraParams, sign, values, redirectData), refs and on<event> handlers type-checks, events and refs exactly typed', () => {
  assert.deepEqual(inFile('elements.tsx'), [], output);
});

test('the app react-app.test.ts runs in Chromium (fixtures/react/app.tsx) type-checks', () => {
  assert.deepEqual(inFile('app.tsx'), [], output);
});

test('the React types have exactly the attributes, writable properties and events of the installed custom-elements.json', () => {
  assert.deepEqual([...elements.keys()].sort(), ['ecommpay-bank-select', 'ecommpay-checkout', 'ecommpay-payout-form', 'ecommpay-redirect']);
  for (const [tag, keys] of elements) {
    assert.ok(keys.some((k) => k.what === 'event'), `<${tag}> lists its events`);
  }
  const problems = inFile('manifest-props.ts').map((d) => manifest.lineOf.get(d.line) ?? `${d.line}: ${d.message}`);
  assert.deepEqual(problems, [], output);
});

for (const [i, { name, jsx, code, at }] of MISTAKES.entries()) {
  test(`a type error: ${name}`, () => {
    const column = jsx.indexOf(at) + 'export const snippet = '.length + 1;
    const found = inFile(`mistake-${i}.tsx`).map(({ line, column, code }) => ({ line, column, code }));
    assert.deepEqual(found, [{ line: SNIPPET_LINE, column, code }], `${jsx}\n${output}`);
  });
}

test('no other file has errors', () => {
  const known = new Set(['elements.tsx', 'app.tsx', 'manifest-props.ts', ...MISTAKES.map((_, i) => `mistake-${i}.tsx`)]);
  assert.deepEqual(
    diagnostics.filter((d) => !known.has(d.file)),
    [],
    output,
  );
});

/** Each element's entry alone (the usual app imports one), its library declarations checked too. */
const ONE_ENTRY: { entry: string; jsx: string }[] = [
  { entry: 'checkout', jsx: '<ecommpay-checkout method="cup-bank" onecommpay-launch={(event) => event.detail.url} />' },
  { entry: 'redirect', jsx: '<ecommpay-redirect target="_top" onecommpay-redirect={(event) => event.detail.url} />' },
  { entry: 'bank-select', jsx: '<ecommpay-bank-select method="cup-bank" onecommpay-banks={(event) => event.detail.banks} />' },
  { entry: 'payout-form', jsx: '<ecommpay-payout-form method="cup-bank" onecommpay-payout-submit={(event) => event.detail.request} />' },
];

test('with one element\'s entry alone and skipLibCheck off, the React types compile (they need no other entry)', async () => {
  const results = await Promise.all(
    ONE_ENTRY.map(async ({ entry, jsx }) => {
      const tsconfig = JSON.parse(fixture('react/tsconfig.json').replace(/^\s*\/\/.*$/gm, '')) as { compilerOptions: Record<string, unknown> };
      tsconfig.compilerOptions.skipLibCheck = false;
      const dir = writeFixture(project, `react-one-entry-${entry}`, {
        'tsconfig.json': JSON.stringify(tsconfig),
        'page.tsx': `import type {} from 'ecommpay-elements/react';\nimport 'ecommpay-elements/${entry}';\nexport const page = ${jsx};\n`,
      });
      const { diagnostics, output } = await tsc(project, dir);
      return { entry, errors: diagnostics.map((d) => `${d.file}(${d.line}): TS${d.code} ${d.message.split('\n')[0]}`), output };
    }),
  );
  assert.deepEqual(
    results.map(({ entry, errors }) => ({ entry, errors })),
    ONE_ENTRY.map(({ entry }) => ({ entry, errors: [] })),
  );
});
