/**
 * The MIME engine's public face: pure TypeScript, no DOM, runs in Node, the page and a worker.
 */
export type * from './types.ts';
