// The custom elements manifest (custom-elements.json) for IDEs and docs, from the elements' JSDoc.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/define.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
};
