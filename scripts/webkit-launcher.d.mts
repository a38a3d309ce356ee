/** Types for scripts/webkit-launcher.mjs (plain JS so the test-runner config can import it without a loader). */
import type { ChildProcess } from 'node:child_process';
import type { WebDriver } from 'selenium-webdriver';

export declare function startXvfb(path: string): Promise<{ child: ChildProcess; display: string }>;
export declare function startWebKit(
  paths: { driverPath: string; browserPath: string },
  display: string,
): Promise<{ driver: WebDriver; quit(): Promise<void> }>;
export declare function webkitLauncher(options: {
  driverPath: string;
  browserPath: string;
  xvfbPath: string;
  concurrency?: number;
}): unknown;
