// Makes sure the engines the tests need are there before they run.
// `node scripts/ensure-browsers.mjs chromium firefox webkit` (no names: ENGINES, else all three).
// Honours the engines' path variables (scripts/browsers.mjs); otherwise installs Debian's packages
// for whatever is missing, in one apt-get call, when it can (root + apt-get).
import { execSync } from 'node:child_process';
import { engines, missing, selectedEngines } from './browsers.mjs';

const names = process.argv.length > 2 ? selectedEngines(process.argv.slice(2).join(',')) : selectedEngines();
const absent = names.filter((name) => missing(name).length > 0);
if (absent.length === 0) process.exit(0);

const overridden = absent.filter((name) => engines[name].envs.some((v) => process.env[v]));
if (overridden.length) {
  for (const name of overridden) console.error(`${name}: ${missing(name).join(', ')} does not exist (check ${engines[name].envs.join(', ')}).`);
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
const packages = absent.flatMap((name) => engines[name].packages);
if (!isRoot || !hasApt) {
  console.error(
    `Missing ${absent.join(', ')} (${absent.flatMap(missing).join(', ')}). ` +
      `Install them (Debian: apt-get install ${packages.join(' ')}), set their paths ` +
      `(${absent.flatMap((name) => engines[name].envs).join(', ')}), or choose engines with ENGINES=chromium,firefox,webkit.`,
  );
  process.exit(1);
}
console.log(`Installing Debian's ${packages.join(', ')} for the ${absent.join(', ')} tests…`);
execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`, {
  stdio: 'inherit',
  shell: '/bin/bash',
});
const still = absent.filter((name) => missing(name).length > 0);
if (still.length) {
  console.error(`Still missing after installing: ${still.flatMap(missing).join(', ')}`);
  process.exit(1);
}
