// Browser tests: TypeScript served through esbuild, run in Chromium, Firefox and WebKit
// (ENGINES=chromium,firefox,webkit picks a subset; scripts/browsers.mjs says where each lives).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';
import { fileURLToPath } from 'node:url';
import { engines, selectedEngines } from './scripts/browsers.mjs';
import { chromiumArgs } from './scripts/chromium.mjs';
import { webkitLauncher } from './scripts/webkit-launcher.mjs';
import { testEndpoints } from './test/helpers/endpoints.mjs';

const launchers = {
  // Debian's Chromium through puppeteer-core over CDP.
  chromium: () =>
    chromeLauncher({
      puppeteer,
      launchOptions: { executablePath: engines.chromium.paths().browser, headless: true, args: chromiumArgs },
    }),
  // Debian's Firefox ESR through puppeteer-core over WebDriver BiDi (no geckodriver needed).
  firefox: () =>
    chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: engines.firefox.paths().browser,
        headless: true,
        // Two test pages share the browser: the one in the background tab must keep real timers
        // (Firefox otherwise clamps them to 1 s and more), as Chromium's launch flags do for it.
        extraPrefsFirefox: {
          'dom.min_background_timeout_value': 0,
          'dom.min_background_timeout_value_without_budget_throttling': 0,
          'dom.timeout.enable_budget_timer_throttling': false,
        },
      },
    }),
  // Debian's WebKitGTK MiniBrowser through WebKitWebDriver, under Xvfb.
  webkit: () => {
    const { driver, browser, xvfb } = engines.webkit.paths();
    return webkitLauncher({ driverPath: driver, browserPath: browser, xvfbPath: xvfb });
  },
};

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  middleware: [testEndpoints],
  plugins: [
    // `bring-to-front`: two test pages share each browser, and Chromium sends a key to the page in
    // front only: a test pressing Escape on a dialog brings its own page forward first.
    {
      name: 'bring-to-front',
      async executeCommand({ command, session }) {
        if (command !== 'bring-to-front') return undefined;
        await session.browser.getPage?.(session.id)?.bringToFront?.();
        return true;
      },
    },
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: selectedEngines().map((name) => launchers[name]()),
};
