/**
 * React 19 and Vue set a property only when the element already has it: one rendered before its
 * definition arrived (a lazily loaded chunk) gets an object as an attribute, `values="[object
 * Object]"`, and the object is gone. Loaded only when an element finds such an attribute.
 */
import type { EcommpayErrorDetail } from '../core/errors.ts';

/** The failure to report for `attribute="value"` on `element`, or `null` when no property of its has that name. */
export function stringifiedObject(element: HTMLElement, attribute: string, value: string): EcommpayErrorDetail | null {
  const field = propertyForAttribute(element, attribute);
  if (!field) return null;
  const name = element.localName.replace('ecommpay-', '');
  const loader = `load${name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`;
  const message =
    `${field} reached <${element.localName}> as the attribute ${attribute}="${value}", set before the element was defined: ` +
    `define it before rendering (import 'ecommpay-elements/${name}'; with the CDN file, await ${loader}()), or set the property from a script.`;
  return { code: 'invalid-config', message, issues: [{ field, rule: 'type', message }] };
}

/** The public property of `element` whose name, lower-cased as an HTML attribute's is, is `attribute`. */
function propertyForAttribute(element: HTMLElement, attribute: string): string | null {
  for (let proto = Object.getPrototypeOf(element); proto && proto !== HTMLElement.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name.toLowerCase() === attribute && !name.startsWith('_') && Object.getOwnPropertyDescriptor(proto, name)?.set) return name;
    }
  }
  return null;
}
