/** Registers a custom element once; a second copy of the library on the page is harmless. */
export function define(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
