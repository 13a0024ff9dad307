/**
 * The SES simulator's public face: pure TypeScript, deterministic given a clock and a seed.
 */
export type * from './request-types.ts';
export * from './errors.ts';
