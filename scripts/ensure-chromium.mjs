// Makes sure a Chromium is there before browser tests run.
// Honours CHROME_PATH; otherwise installs Debian's `chromium` when it can (root + apt-get).
import { execSync } from 'node:child_process';
import { chromiumPath, hasChromium } from './chromium.mjs';

if (!hasChromium()) {
  if (process.env.CHROME_PATH) {
    console.error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist.`);
    process.exit(1);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let hasApt = false;
  try {
    execSync('command -v apt-get', { stdio: 'ignore' });
    hasApt = true;
  } catch {
    hasApt = false;
  }
  if (!isRoot || !hasApt) {
    console.error(
      `No Chromium at ${chromiumPath()}. Install one (Debian: apt-get install chromium) or set CHROME_PATH.`,
    );
    process.exit(1);
  }
  console.log('Installing Debian chromium for the browser tests…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
    shell: '/bin/bash',
  });
}
