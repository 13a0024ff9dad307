// @vitest-environment jsdom
/**
 * DOMPurify's own test cases (payload → DOMPurify's default output). Our policy is DOMPurify's
 * default with email changes (sanitize.ts): forms and their controls, `<template>`, SVG, MathML,
 * `<audio>` and `<dialog>` are removed with their subtree or unwrapped, `<link>` is admitted for
 * the resource pass, a few attributes (`autofocus`, `action`, `formaction`, `ping`, popover
 * and command attributes) are removed, and a `<style>` whose text looks like markup is kept with
 * that text made inert (`<` as the CSS escape `\3C `) where DOMPurify removes the stylesheet. Where neither the payload's expected output nor the payload
 * touches those differences, our output must be DOMPurify's exactly; every case must come out
 * neutralised by the whole preview pipeline (which adds the CSS pass) either way.
 */
import { beforeAll, expect, test } from 'vitest';
import { describeCorpus, readCorpus } from '../../support/corpus.ts';
import { buildPreviewDocument, sanitizeFragment } from '../../../src/lib/html/index.ts';
import { findScriptingLeftovers } from './leftovers.ts';

interface Case {
  title?: string;
  payload: string;
  expected: string | string[];
}

// Output that our policy treats differently from DOMPurify's default.
const POLICY_DIFFERENCE =
  /<\/?(form|input|button|select|option|optgroup|selectedcontent|datalist|textarea|output|template|slot|svg|math|audio|track|dialog|link|isindex|keygen)\b|\s(action|method|enctype|formaction|ping|popover\w*|command\w*|autofocus|nonce)=/i;

describeCorpus('DOMPurify expectations', () => {
  // Read when the tests run, not when they are collected, so that without a corpus the suite is
  // skipped with its note rather than failing to load.
  let cases: Case[] = [];
  beforeAll(() => {
    cases = (
      JSON.parse(
        new TextDecoder().decode(
          readCorpus('dompurify', '_extracted', 'test', 'fixtures', 'expect.json'),
        ),
      ) as { records: Case[] }
    ).records;
  });

  test('every DOMPurify case comes out of the preview pipeline neutralised', () => {
    const problems = cases.flatMap((entry) =>
      findScriptingLeftovers(buildPreviewDocument(entry.payload).html, true).map(
        (problem) => `${entry.title ?? entry.payload.slice(0, 60)}: ${problem}`,
      ),
    );
    expect(cases.length).toBeGreaterThan(200);
    expect(problems).toEqual([]);
  });

  test("where the policies agree, our output is DOMPurify's expected output", () => {
    const applicable = cases.filter((entry) => {
      const outputs = Array.isArray(entry.expected) ? entry.expected : [entry.expected];
      return (
        !POLICY_DIFFERENCE.test(entry.payload) &&
        !/<style/i.test(entry.payload) &&
        !outputs.some((o) => POLICY_DIFFERENCE.test(o))
      );
    });
    const mismatches = applicable.flatMap((entry) => {
      const outputs = Array.isArray(entry.expected) ? entry.expected : [entry.expected];
      const ours = sanitizeFragment(entry.payload);
      return outputs.includes(ours) ? [] : [{ payload: entry.payload, expected: outputs[0], ours }];
    });
    // Most of the corpus exercises the shared core (event handlers, URLs, mXSS, clobbering).
    console.log(`DOMPurify cases compared exactly: ${applicable.length} of ${cases.length}`);
    expect(applicable.length).toBeGreaterThan(100);
    expect(mismatches).toEqual([]);
  });
});
