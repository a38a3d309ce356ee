/** Shared by the Node suites. */

/** Polls `condition` every 10 ms, at most `bound` ms (default 10 s); throws naming `what` when it never holds. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, bound = 10_000): Promise<void> {
  const end = Date.now() + bound;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
