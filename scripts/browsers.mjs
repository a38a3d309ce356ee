// The three engines the browser tests run in, where each lives and which Debian packages give it.
// Each path can be overridden (CHROME_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH, WEBKIT_BROWSER_PATH).
import { existsSync, readdirSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

/** Debian's MiniBrowser sits under the architecture's library folder. */
function miniBrowser() {
  if (process.env.WEBKIT_BROWSER_PATH) return process.env.WEBKIT_BROWSER_PATH;
  for (const dir of existsSync('/usr/lib') ? readdirSync('/usr/lib') : []) {
    const path = `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`;
    if (existsSync(path)) return path;
  }
  return '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
}

/** @type {Record<string, { paths: () => Record<string, string>, packages: string[], envs: string[] }>} */
export const engines = {
  chromium: {
    paths: () => ({ browser: chromiumPath() }),
    packages: ['chromium'],
    envs: ['CHROME_PATH'],
  },
  firefox: {
    paths: () => ({ browser: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr' }),
    packages: ['firefox-esr'],
    envs: ['FIREFOX_PATH'],
  },
  webkit: {
    paths: () => ({
      driver: process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver',
      browser: miniBrowser(),
      xvfb: '/usr/bin/Xvfb',
    }),
    packages: ['webkit2gtk-driver', 'xvfb'],
    envs: ['WEBKIT_DRIVER_PATH', 'WEBKIT_BROWSER_PATH'],
  },
};

/**
 * The engines asked for: `ENGINES=chromium,firefox` (any order, any subset), else all three.
 * Unknown names are an error, so a typo never silently skips an engine.
 */
export function selectedEngines(value = process.env.ENGINES) {
  const names = value ? value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean) : Object.keys(engines);
  const unknown = names.filter((name) => !(name in engines));
  if (unknown.length) throw new Error(`ENGINES: unknown engine ${unknown.join(', ')} (known: ${Object.keys(engines).join(', ')})`);
  return names;
}

/** The paths of `name` that are missing. */
export const missing = (name) => Object.values(engines[name].paths()).filter((path) => !existsSync(path));
