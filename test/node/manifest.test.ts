/**
 * The custom elements manifest (dist/custom-elements.json) and the IDE data made from it
 * (scripts/ide-data.mjs), read as the tools that consume them read them: valid against the
 * manifest's JSON schema, every element with exactly the events its JSDoc documents (each typed
 * with the class that really fires it), enumerated attributes typed with the values the code
 * accepts, every module a file of the published package. Reads dist/: run `npm run build` first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { CustomElementDeclaration, Package } from 'custom-elements-manifest';
import { METHODS } from '../../src/core/methods/index.ts';
import { DISPLAYS } from '../../src/core/payment-page.ts';
import { LANGS } from '../../src/i18n/index.ts';
import * as bankSelectEvents from '../../src/elements/bank-select/events.ts';
import * as checkoutEvents from '../../src/elements/checkout/events.ts';
import * as sharedEvents from '../../src/elements/events.ts';
import * as payoutFormEvents from '../../src/elements/payout-form/events.ts';
import * as redirectEvents from '../../src/elements/redirect/events.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

function built<T>(path: string): T {
  if (!existsSync(new URL(path, root))) throw new Error(`${path} is missing: run npm run build`);
  return JSON.parse(read(path)) as T;
}

const manifest = built<Package>('dist/custom-elements.json');
const METHOD_CODES = Object.keys(METHODS);

/** Each element: its source (whose JSDoc lists its events) and the events DESIGN.md §1 promises. */
const ELEMENTS: Record<string, { source: string; contract: string[] }> = {
  'ecommpay-checkout': {
    source: 'src/elements/checkout/ecommpay-checkout.ts',
    contract: ['ecommpay-ready', 'ecommpay-launch', 'ecommpay-error', 'ecommpay-payment', 'ecommpay-close'],
  },
  'ecommpay-redirect': { source: 'src/elements/redirect/ecommpay-redirect.ts', contract: ['ecommpay-redirect', 'ecommpay-error'] },
  'ecommpay-bank-select': { source: 'src/elements/bank-select/ecommpay-bank-select.ts', contract: ['change'] },
  'ecommpay-payout-form': { source: 'src/elements/payout-form/ecommpay-payout-form.ts', contract: ['ecommpay-payout-submit'] },
};

/** Attributes taking one of a set of values, with the set as the code holds it; `open`: other values are accepted too. */
const ENUMS: [tag: string, attribute: string, values: readonly string[], open: boolean][] = [
  ...['ecommpay-checkout', 'ecommpay-bank-select', 'ecommpay-payout-form'].map((tag): [string, string, readonly string[], boolean] => [tag, 'method', METHOD_CODES, false]),
  ...Object.keys(ELEMENTS).map((tag): [string, string, readonly string[], boolean] => [tag, 'language', LANGS, true]),
  ['ecommpay-checkout', 'display', DISPLAYS, false],
  ['ecommpay-bank-select', 'operation', ['sale', 'payout'], false],
  ['ecommpay-redirect', 'target', ['_self', '_top'], false],
];

/** The event classes, by name, as the elements fire them. */
const EVENT_CLASSES = { ...sharedEvents, ...checkoutEvents, ...redirectEvents, ...bankSelectEvents, ...payoutFormEvents } as unknown as Record<
  string,
  new (detail: unknown) => Event
>;

/** The `@event {Type} name` tags of the JSDoc above the element's class. */
function documentedEvents(source: string): string[] {
  const text = read(source);
  const header = text.slice(text.lastIndexOf('/**', text.indexOf('\nexport class ')), text.indexOf('\nexport class '));
  return [...header.matchAll(/@event (?:\{\w+\} )?([\w-]+)/g)].map((m) => m[1]!);
}

const declarations = (pkg: Package): [path: string, declaration: CustomElementDeclaration][] =>
  pkg.modules.flatMap((module) =>
    (module.declarations ?? []).filter((d) => 'customElement' in d && d.customElement).map((d): [string, CustomElementDeclaration] => [module.path, d as CustomElementDeclaration]),
  );

function element(tag: string): CustomElementDeclaration {
  const found = declarations(manifest).filter(([, d]) => d.tagName === tag);
  assert.equal(found.length, 1, `one declaration of <${tag}> in the manifest`);
  return found[0]![1];
}

/** A union type's members, without `null` and `undefined`. */
const members = (type: string | undefined) =>
  (type ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part && part !== 'null' && part !== 'undefined');
const union = (values: readonly string[], open: boolean) => [...values.map((v) => `'${v}'`), ...(open ? ['(string & {})'] : [])].sort();

// ---------------------------------------------------------------------------------------------
// A JSON Schema (draft-07) check for the keywords the manifest schema uses; any other keyword throws,
// so a schema that grows one is never half checked.

interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
}
const schema = JSON.parse(read('node_modules/custom-elements-manifest/schema.json')) as Schema & { definitions: Record<string, Schema> };
const KEYWORDS = new Set(['$schema', 'definitions', 'description', '$ref', 'type', 'enum', 'properties', 'required', 'items', 'anyOf']);
const isType = (type: string, value: unknown) =>
  type === 'array' ? Array.isArray(value) : type === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value) : type === 'null' ? value === null : type === 'integer' ? Number.isInteger(value) : typeof value === type;

function violations(rule: Schema, value: unknown, at: string): string[] {
  const unknown = Object.keys(rule).filter((key) => !KEYWORDS.has(key));
  if (unknown.length) throw new Error(`the schema check does not know ${unknown.join(', ')} (at ${at})`);
  if (rule.$ref) return violations(schema.definitions[rule.$ref.replace('#/definitions/', '')]!, value, at);
  if (rule.type && ![rule.type].flat().some((type) => isType(type, value))) return [`${at}: not ${[rule.type].flat().join(' or ')}: ${JSON.stringify(value)}`];
  const found: string[] = [];
  if (rule.enum && !rule.enum.includes(value)) found.push(`${at}: ${JSON.stringify(value)} is none of ${JSON.stringify(rule.enum)}`);
  if (rule.anyOf && !rule.anyOf.some((option) => violations(option, value, at).length === 0)) found.push(`${at}: matches no anyOf option`);
  if (isType('object', value)) {
    const object = value as Record<string, unknown>;
    for (const key of rule.required ?? []) if (!(key in object)) found.push(`${at}: no ${key}`);
    for (const [key, sub] of Object.entries(rule.properties ?? {})) if (key in object) found.push(...violations(sub, object[key], `${at}.${key}`));
  }
  if (rule.items && Array.isArray(value)) value.forEach((item, i) => found.push(...violations(rule.items!, item, `${at}[${i}]`)));
  return found;
}
const customElementRule: Schema = { $ref: '#/definitions/CustomElementDeclaration' };

// ---------------------------------------------------------------------------------------------

test('the schema check refuses what the schema refuses (an event without a type, a nameless attribute)', () => {
  assert.deepEqual(violations(customElementRule, { kind: 'class', name: 'A', customElement: true, events: [{ name: 'x', type: { text: 'Event' } }] }, 'ok'), []);
  assert.deepEqual(violations(customElementRule, { kind: 'class', name: 'A', customElement: true, events: [{ name: 'x' }] }, 'a'), ['a.events[0]: no type']);
  assert.deepEqual(violations(customElementRule, { kind: 'class', name: 'A', customElement: true, attributes: [{ type: { text: 'string' } }] }, 'a'), ['a.attributes[0]: no name']);
});

test('the manifest is valid against the custom-elements-manifest schema', () => {
  assert.deepEqual(violations(schema, manifest, 'manifest'), []);
});

test('the manifest declares exactly the four elements, once each', () => {
  assert.deepEqual(declarations(manifest).map(([, d]) => d.tagName).sort(), Object.keys(ELEMENTS).sort());
});

test('every module path is a file of the package after npm run build, and the module exports what it says', () => {
  const files = (JSON.parse(read('package.json')) as { files: string[] }).files;
  assert.ok(manifest.modules.length > 0);
  for (const module of manifest.modules) {
    assert.ok(files.some((folder) => module.path.startsWith(`${folder}/`)), `${module.path} is in package.json "files"`);
    assert.ok(existsSync(new URL(module.path, root)), `${module.path} exists`);
    const exported = new Set(
      [...read(module.path).matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((name) => name.trim().split(/\s+as\s+/).pop()!)),
    );
    for (const entry of module.exports ?? []) {
      if (entry.kind === 'js') assert.ok(exported.has(entry.name), `${module.path} exports ${entry.name}`);
      assert.ok(existsSync(new URL(entry.declaration.module ?? module.path, root)), `${entry.declaration.module} exists`);
    }
  }
});

test('no source path remains in the manifest', () => {
  const paths = JSON.stringify(manifest).match(/[\w./-]*\bsrc\/[\w./-]+/g) ?? [];
  assert.deepEqual(paths, []);
});

for (const [tag, { source, contract }] of Object.entries(ELEMENTS)) {
  const subpath = tag.replace(/^ecommpay-/, '');

  test(`<${tag}>: valid against the schema's CustomElementDeclaration`, () => {
    assert.deepEqual(violations(customElementRule, element(tag), tag), []);
  });

  test(`<${tag}>: dist/${subpath}.js and dist/index.js export the class and define the tag`, () => {
    const declaration = element(tag);
    for (const path of [`dist/${subpath}.js`, 'dist/index.js']) {
      const module = manifest.modules.find((m) => m.path === path);
      assert.ok(module, `a module ${path}`);
      const target = { name: declaration.name, module: `dist/${subpath}.js` };
      assert.deepEqual(
        (module.exports ?? []).filter((e) => e.declaration.name === declaration.name).map((e) => [e.kind, e.name, e.declaration]),
        [
          ['js', declaration.name, target],
          ['custom-element-definition', tag, target],
        ],
      );
    }
    assert.ok(manifest.modules.find((m) => m.path === `dist/${subpath}.js`)!.declarations!.includes(declaration));
  });

  test(`<${tag}>: exactly the events its JSDoc documents, each typed with the class that fires it`, () => {
    const events = element(tag).events ?? [];
    const documented = documentedEvents(source);
    assert.ok(documented.length > 0, `${source} documents events`);
    assert.deepEqual(events.map((e) => e.name).sort(), [...documented].sort());
    for (const event of events) {
      assert.ok(event.description, `${event.name} is described`);
      const type = event.type?.text;
      if (type === 'Event') continue; // a DOM event (`change`)
      const EventClass = EVENT_CLASSES[type ?? ''];
      assert.ok(EventClass, `${event.name}: ${type} is an exported event class`);
      assert.equal(new EventClass({}).type, event.name, `${type} fires ${event.name}`);
    }
  });

  test(`<${tag}>: the events of the public contract (DESIGN.md §1)`, () => {
    const names = (element(tag).events ?? []).map((e) => e.name);
    assert.deepEqual(
      contract.filter((name) => !names.includes(name)),
      [],
    );
    if (contract.includes('change')) assert.equal(element(tag).events!.find((e) => e.name === 'change')!.type.text, 'Event');
  });

  test(`<${tag}>: attributes and events have names; members are public instance API`, () => {
    const declaration = element(tag);
    assert.ok((declaration.attributes ?? []).length > 0);
    for (const item of [...(declaration.attributes ?? []), ...(declaration.events ?? [])]) assert.ok(item.name, JSON.stringify(item));
    for (const member of declaration.members ?? []) {
      assert.ok(!/^[_#]/.test(member.name) && !member.static && (member.privacy ?? 'public') === 'public', `${member.name} is public`);
    }
    for (const attribute of declaration.attributes ?? []) {
      assert.ok(!attribute.fieldName || declaration.members!.some((m) => m.name === attribute.fieldName), `${attribute.name}'s field ${attribute.fieldName} is listed`);
    }
  });
}

for (const [tag, name, values, open] of ENUMS) {
  test(`<${tag}> ${name}: typed as ${values.join(' | ')}${open ? ' (open)' : ''}, on the attribute and its field`, () => {
    const declaration = element(tag);
    const attribute = declaration.attributes?.find((a) => a.name === name);
    assert.ok(attribute, `an attribute ${name}`);
    assert.deepEqual(members(attribute.type?.text).sort(), union(values, open));
    const field = declaration.members?.find((m) => m.kind === 'field' && m.name === attribute.fieldName);
    assert.ok(field && field.kind === 'field');
    assert.deepEqual(members(field.type?.text).sort(), union(values, open));
  });
}

// ---------------------------------------------------------------------------------------------
// The IDE data (scripts/ide-data.mjs).

interface Described {
  name: string;
  description?: string | { kind: string; value: string };
}
interface VsCodeHtml {
  version: number;
  tags: (Described & { attributes: (Described & { values?: Described[]; valueSet?: string })[] })[];
}
interface VsCodeCss {
  version: number;
  properties: Described[];
  pseudoElements?: Described[];
}
interface WebTypesAttribute extends Described {
  value?: { kind?: string; type?: string };
  values?: Described[];
}
interface WebTypes {
  name: string;
  version: string;
  'js-types-syntax': string;
  contributions: {
    html: { elements: (Described & { attributes: WebTypesAttribute[]; js?: { events?: Described[]; properties?: Described[] }; css?: { parts?: Described[] } })[] };
    css?: { properties?: Described[] };
  };
}

test('VS Code HTML data: every element, every attribute of the manifest, the enumerated values', () => {
  const data = built<VsCodeHtml>('dist/vscode.html-custom-data.json');
  assert.equal(data.version, 1.1);
  assert.deepEqual(data.tags.map((t) => t.name).sort(), Object.keys(ELEMENTS).sort());
  for (const [, declaration] of declarations(manifest)) {
    const tag = data.tags.find((t) => t.name === declaration.tagName)!;
    assert.ok(tag.description, `${declaration.tagName} is described`);
    assert.deepEqual(tag.attributes.map((a) => a.name).sort(), (declaration.attributes ?? []).map((a) => a.name).sort(), declaration.tagName);
    for (const attribute of declaration.attributes ?? []) {
      const entry = tag.attributes.find((a) => a.name === attribute.name)!;
      if (attribute.type?.text === 'boolean') assert.equal(entry.valueSet, 'v', `${declaration.tagName} ${attribute.name} takes no value`);
    }
  }
  for (const [tag, name, values] of ENUMS) {
    const attribute = data.tags.find((t) => t.name === tag)!.attributes.find((a) => a.name === name)!;
    assert.deepEqual(attribute.values?.map((v) => v.name), [...values], `${tag} ${name}`);
  }
});

test('VS Code CSS data: every custom property and every part of the manifest', () => {
  const data = built<VsCodeCss>('dist/vscode.css-custom-data.json');
  assert.equal(data.version, 1.1);
  const all = declarations(manifest).map(([, d]) => d);
  assert.deepEqual(data.properties.map((p) => p.name).sort(), [...new Set(all.flatMap((d) => (d.cssProperties ?? []).map((p) => p.name)))].sort());
  assert.deepEqual(data.pseudoElements?.map((p) => p.name).sort(), [...new Set(all.flatMap((d) => (d.cssParts ?? []).map((p) => `::part(${p.name})`)))].sort());
  for (const entry of [...data.properties, ...(data.pseudoElements ?? [])]) assert.ok(entry.description, `${entry.name} is described`);
});

test('web-types: the package, every element with every attribute and event of the manifest, the enumerated values', () => {
  const data = built<WebTypes>('dist/web-types.json');
  const pkg = JSON.parse(read('package.json')) as { name: string; version: string };
  assert.deepEqual([data.name, data.version, data['js-types-syntax']], [pkg.name, pkg.version, 'typescript']);
  const elements = data.contributions.html.elements;
  assert.deepEqual(elements.map((e) => e.name).sort(), Object.keys(ELEMENTS).sort());
  for (const [, declaration] of declarations(manifest)) {
    const entry = elements.find((e) => e.name === declaration.tagName)!;
    assert.deepEqual(entry.attributes.map((a) => a.name).sort(), (declaration.attributes ?? []).map((a) => a.name).sort(), declaration.tagName);
    assert.deepEqual(entry.js?.events?.map((e) => e.name), (declaration.events ?? []).map((e) => e.name), declaration.tagName);
    assert.deepEqual(entry.css?.parts?.map((p) => p.name), (declaration.cssParts ?? []).map((p) => p.name), declaration.tagName);
  }
  for (const [tag, name, values, open] of ENUMS) {
    const attribute = elements.find((e) => e.name === tag)!.attributes.find((a) => a.name === name)!;
    assert.deepEqual(attribute.values?.map((v) => v.name), [...values], `${tag} ${name}`);
    if (!open) assert.equal(attribute.value?.type, 'enum', `${tag} ${name} takes only its values`);
  }
  const properties = new Set(declarations(manifest).flatMap(([, d]) => (d.cssProperties ?? []).map((p) => p.name)));
  assert.deepEqual(data.contributions.css?.properties?.map((p) => p.name).sort(), [...properties].sort());
});
