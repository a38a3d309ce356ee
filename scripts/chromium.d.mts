/** Types for scripts/chromium.mjs (plain JS so the test-runner config can import it without a loader). */
export declare const chromiumPath: () => string;
export declare const chromiumArgs: string[];
