/**
 * Words for whatever an action, a build or a worker threw, the one way the page reads a failure.
 * A plain module outside state/, so that workers can use it too.
 */

/** What the page says when an action failed and what it threw gives no words at all. */
export const UNEXPLAINED_FAILURE = 'The action failed without saying why.';

/**
 * Words for anything an action threw. Code may throw a string, an object with a `message`, or
 * nothing useful at all; the page must still say something a person can read, never
 * `[object Object]`.
 */
export function describeFailure(caught: unknown): string {
  const said =
    typeof caught === 'object' && caught !== null && 'message' in caught ? caught.message : caught;
  if (typeof said === 'string' && said.trim()) return said;
  if (typeof said === 'number' || typeof said === 'bigint' || typeof said === 'boolean') {
    return `The action failed (${String(said)}).`;
  }
  if (caught instanceof Error && caught.name.trim()) return `The action failed (${caught.name}).`;
  return UNEXPLAINED_FAILURE;
}
