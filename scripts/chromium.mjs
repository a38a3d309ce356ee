// Where the browser for tests lives: CHROME_PATH if set, else Debian's Chromium.

export const chromiumPath = () => process.env.CHROME_PATH || '/usr/bin/chromium';

/** Flags that work headless, as root, on a machine with no network but loopback. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--disable-sync',
  '--no-first-run',
];

