/** Types for scripts/browsers.mjs (plain JS so the test-runner config can import it without a loader). */
export interface Engine {
  paths(): Record<string, string>;
  packages: string[];
  envs: string[];
}
export declare const engines: {
  chromium: Engine & { paths(): { browser: string } };
  firefox: Engine & { paths(): { browser: string } };
  webkit: Engine & { paths(): { driver: string; browser: string; xvfb: string } };
};
export declare function selectedEngines(value?: string): string[];
export declare const missing: (name: string) => string[];
