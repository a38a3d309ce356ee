/**
 * The custom elements manifest (dist/custom-elements.json, shipped as
 * `ecommpay-elements/custom-elements.json`) for IDEs, docs and JSX type generators, from the
 * elements' JSDoc and `static properties`. `npm run build` runs `cem analyze` after `vite build`;
 * `scripts/ide-data.mjs` turns the result into VS Code and JetBrains data.
 *
 * The analyzer describes the TypeScript sources; the plugin below (`ecommpay-public-api`) makes the
 * manifest describe the published package instead:
 *
 * - events: exactly the class's `@event {EventClass} name - …` tags. The analyzer also reads every
 *   `dispatchEvent(new XEvent(detail))` as an event named after the argument (`detail`, `list`, or
 *   nothing), which no consumer should see. Each documented type is checked against the
 *   `GlobalEventHandlersEventMap` entries in the events modules (`change` is a DOM `Event`).
 * - members: public instance fields and methods only, without Lit's and the platform's callbacks;
 *   attributes: only those of the remaining fields (no `state: true` internals).
 * - enumerated attributes and their fields: a union of the values the code accepts (ENUMS).
 * - paths: one module per element, `dist/<name>.js` (each defines its tag and exports its class),
 *   and `dist/index.js` (defines and exports all four); no source module remains. The shared base
 *   class is not public, so the superclass is Lit's `LitElement` and inherited members, attributes
 *   and events are listed on each element without `inheritedFrom`.
 *
 * A config that throws while it loads makes `cem` fall back to its defaults (every file in the
 * repository, and it rewrites package.json): so nothing here throws at import; failures are thrown
 * from the plugin, which makes `cem analyze` exit non-zero.
 */
import { existsSync, readFileSync } from 'node:fs';

const ROOT = new URL('./', import.meta.url);
const read = (path) => readFileSync(new URL(path, ROOT), 'utf8');

/** The built, DOM-free core (`vite build` runs before `cem`): the method codes come from its `METHODS`. */
let core;
let coreFailure;
try {
  core = await import(new URL('dist/core.js', ROOT).href);
} catch (error) {
  coreFailure = error;
}

/**
 * Attributes (and their fields) taking one of a set of values, by field name on whichever element
 * has one. `open`: any other value is accepted too (`language="zh-CN"` counts as `zh`), so the type
 * stays open (`… | (string & {})`) while IDEs still suggest the values.
 */
const ENUMS = {
  method: { values: () => Object.keys(core.METHODS) },
  display: { values: (ts) => stringsOf(ts, 'src/core/payment-page.ts', 'DISPLAYS') },
  operation: { values: (ts) => stringsOf(ts, 'src/core/banks.ts', 'BankOperation') },
  language: { values: (ts) => stringsOf(ts, 'src/i18n/index.ts', 'LANGS'), open: true },
  target: { values: (ts) => stringsOf(ts, 'src/core/redirect.ts', 'TARGETS') },
};

/** Lifecycle callbacks: public in JavaScript, never called by a user of the element. */
const CALLBACKS = new Set([
  'connectedCallback',
  'disconnectedCallback',
  'adoptedCallback',
  'attributeChangedCallback',
  'formAssociatedCallback',
  'formDisabledCallback',
  'formResetCallback',
  'formStateRestoreCallback',
]);

/** Where an element's class is published: `dist/<tag without ecommpay->.js`. */
const modulePath = (tagName) => `dist/${tagName.replace(/^ecommpay-/, '')}.js`;
const INDEX = 'dist/index.js';

/**
 * The strings of `export const NAME = ['a', 'b']` or `export type NAME = 'a' | 'b'` in a source
 * file: a set the code holds as data, read instead of retyped.
 */
function stringsOf(ts, file, name) {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.ES2022, true);
  const literals = (nodes) =>
    nodes.map((node) => {
      const literal = ts.isLiteralTypeNode(node) ? node.literal : node;
      if (!ts.isStringLiteral(literal)) throw new Error(`${file}: ${name} holds ${node.getText()}, not a string literal`);
      return literal.text;
    });
  for (const statement of source.statements) {
    if (ts.isTypeAliasDeclaration(statement) && statement.name.text === name) {
      const type = statement.type;
      return literals(ts.isUnionTypeNode(type) ? [...type.types] : [type]);
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name) continue;
        let init = declaration.initializer;
        while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
        if (!init || !ts.isArrayLiteralExpression(init)) throw new Error(`${file}: ${name} is not an array literal`);
        return literals([...init.elements]);
      }
    }
  }
  throw new Error(`${file}: no \`${name}\` (custom-elements-manifest.config.mjs reads its values)`);
}

const quote = (value) => {
  if (!/^[\w.-]+$/.test(value)) throw new Error(`enumerated value ${JSON.stringify(value)} needs escaping`);
  return `'${value}'`;
};

/** `string | null` with the values in place of `string` (the field's type); without `null` for the attribute. */
function narrow(where, text, { values, open }) {
  const parts = text.split('|').map((part) => part.trim());
  if (!parts.includes('string')) throw new Error(`${where}: expected a string type to narrow to ${values.join(', ')}, found ${text}`);
  const union = [...values.map(quote), ...(open ? ['(string & {})'] : [])];
  const field = parts.flatMap((part) => (part === 'string' ? union : [part])).join(' | ');
  return { field, attribute: union.join(' | ') };
}

function publicApiPlugin() {
  /** Event name → event class, from `interface GlobalEventHandlersEventMap` in the analysed modules. */
  const eventMap = new Map();
  /** Class name → the event names of its `@event` / `@fires` tags, in order. */
  const documented = new Map();
  let enums;

  return {
    name: 'ecommpay-public-api',
    initialize({ ts }) {
      eventMap.clear(); // `cem analyze --watch` runs the phases again with the same plugin
      documented.clear();
      if (coreFailure) {
        throw new Error(`custom-elements-manifest.config.mjs reads the method codes from dist/core.js: run \`vite build\` first (npm run build does).\n${coreFailure}`);
      }
      enums = Object.fromEntries(Object.entries(ENUMS).map(([field, { values, open = false }]) => [field, { values: values(ts), open }]));
    },
    analyzePhase({ ts, node }) {
      if (ts.isInterfaceDeclaration(node) && ['GlobalEventHandlersEventMap', 'HTMLElementEventMap'].includes(node.name.text)) {
        for (const member of node.members) {
          if (!ts.isPropertySignature(member) || !member.type || !ts.isStringLiteral(member.name)) continue;
          const [name, type] = [member.name.text, member.type.getText()];
          if (eventMap.has(name) && eventMap.get(name) !== type) throw new Error(`event ${name} is mapped to both ${eventMap.get(name)} and ${type}`);
          eventMap.set(name, type);
        }
      }
      if (ts.isClassDeclaration(node) && node.name) {
        const names = ts
          .getJSDocTags(node)
          .filter((tag) => ['event', 'fires'].includes(tag.tagName.text))
          .map((tag) => /^(?:\{[^}]*\}\s*)?([^\s{}]+)/.exec(ts.getTextOfJSDocComment(tag.comment) ?? '')?.[1])
          .filter(Boolean);
        documented.set(node.name.text, names);
      }
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      const elements = manifest.modules.flatMap((module) => (module.declarations ?? []).filter((d) => d.customElement && d.tagName));
      if (elements.length === 0) throw new Error('no custom element with a tag name (@tagname) was found');

      for (const element of elements) {
        const where = `<${element.tagName}>`;

        element.members = (element.members ?? []).filter(
          (m) => !m.static && (m.privacy ?? 'public') === 'public' && !/^[_#]/.test(m.name) && !CALLBACKS.has(m.name),
        );
        const fields = new Set(element.members.filter((m) => m.kind === 'field').map((m) => m.name));
        element.attributes = (element.attributes ?? []).filter((a) => a.name && !a.name.startsWith('_') && (!a.fieldName || fields.has(a.fieldName)));
        // An attribute's default is the text it stands for when absent (the schema's "actual value"): the
        // field's initial `'text'` unquoted; its `null`, `false` or `''` is no such text.
        for (const attribute of element.attributes) {
          if (attribute.default === undefined) continue;
          const literal = /^(['"])(.*)\1$/.exec(attribute.default);
          if (literal) attribute.default = literal[2];
          if (['', 'null', 'undefined', 'false'].includes(attribute.default)) delete attribute.default;
        }

        const names = documented.get(element.name) ?? [];
        if (new Set(names).size !== names.length) throw new Error(`${where}: an @event tag is repeated`);
        element.events = names.map((name) => {
          const found = element.events?.find((e) => e.name === name);
          const type = found?.type?.text;
          if (!type) throw new Error(`${where}: @event ${name} has no type; write @event {TheEventClass} ${name} - …`);
          const expected = eventMap.get(name);
          if (expected ? type !== expected : typeof globalThis[type] !== 'function') {
            throw new Error(`${where}: @event {${type}} ${name}, but ${expected ? `GlobalEventHandlersEventMap says ${expected}` : `${type} is no DOM event class`}`);
          }
          return { name, type: { text: type }, ...(found.description ? { description: found.description } : {}) };
        });

        for (const [field, values] of Object.entries(enums)) {
          const member = element.members.find((m) => m.kind === 'field' && m.name === field);
          const attribute = element.attributes.find((a) => a.fieldName === field);
          if (!member?.type) continue;
          const types = narrow(`${where}.${field}`, member.type.text, values);
          member.type = { text: types.field };
          if (attribute) attribute.type = { text: types.attribute };
        }

        // The shared base class is not exported: describe every member on the element itself.
        for (const item of [...element.members, ...element.attributes, ...element.events]) {
          if (item.inheritedFrom && !item.inheritedFrom.package) delete item.inheritedFrom;
        }
        if (element.superclass && !element.superclass.package) element.superclass = { name: 'LitElement', package: 'lit' };
        if (!element.description) delete element.description;
      }

      const exportsOf = (element, module) => [
        { kind: 'js', name: element.name, declaration: { name: element.name, module } },
        { kind: 'custom-element-definition', name: element.tagName, declaration: { name: element.name, module } },
      ];
      manifest.modules = [
        ...elements.map((element) => {
          const path = modulePath(element.tagName);
          return { kind: 'javascript-module', path, declarations: [element], exports: exportsOf(element, path) };
        }),
        { kind: 'javascript-module', path: INDEX, declarations: [], exports: elements.flatMap((element) => exportsOf(element, modulePath(element.tagName))) },
      ];

      for (const { path } of manifest.modules) {
        if (!existsSync(new URL(path, ROOT))) throw new Error(`${path} does not exist: run \`vite build\` first (npm run build does)`);
      }
      assertNoSource(manifest);
    },
  };
}

/** Every `path` and `module` in the package's `dist/`, and no source path left anywhere. */
function assertNoSource(value, at = 'manifest') {
  if (typeof value === 'string') {
    if (/(^|[^\w.-])\/?src\/[\w./-]*\.ts\b/.test(value)) throw new Error(`${at} names a source file: ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertNoSource(item, `${at}[${i}]`));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && !String(item).startsWith('dist/')) throw new Error(`${at}.${key} is outside dist/: ${item}`);
      assertNoSource(item, `${at}.${key}`);
    }
  }
}

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [publicApiPlugin()],
};
