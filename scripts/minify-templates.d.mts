/** See minify-templates.mjs. */
export function minifyTemplateLiterals(code: string, id?: string): string | null;
export const minifyTemplates: { name: string; transform: unknown };
