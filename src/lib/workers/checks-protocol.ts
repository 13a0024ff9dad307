/**
 * Messages between the page and the checks worker: run the pre-send checks on a message, or
 * inline a body's CSS. Each request has an id; the answer carries it back.
 */
import type { CheckOptions, CheckReport } from '../checks/types.ts';

/** A request to the worker. */
export type ChecksRequest =
  | { id: number; kind: 'check'; raw: Uint8Array; options: CheckOptions }
  | { id: number; kind: 'inline-css'; html: string };

/** The worker's answer. */
export type ChecksResponse =
  | { id: number; kind: 'report'; report: CheckReport }
  | { id: number; kind: 'inlined'; html: string }
  | { id: number; kind: 'error'; message: string };
