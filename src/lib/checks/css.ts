/**
 * A small CSS reader for email stylesheets and `style` attributes: rules, at-rules and
 * declarations with their offsets. It scans each character a bounded number of times (no regular
 * expression over the stylesheet, so no backtracking blow-up) and never throws; what it cannot
 * make sense of it skips, as browsers do.
 */

/** One `property: value` with the offsets of the whole declaration in the source. */
export interface CssDeclaration {
  /** Lower-case property name (custom properties keep their case). */
  property: string;
  value: string;
  important: boolean;
  start: number;
  end: number;
}

/** A style rule or an at-rule, with what it contains. */
export interface CssRule {
  /** `style` for `selector { … }`; otherwise the at-rule's lower-case name without `@`. */
  kind: string;
  /** The selector list, or the at-rule's prelude. */
  prelude: string;
  start: number;
  end: number;
  declarations: CssDeclaration[];
  /** Rules nested in `@media`, `@supports` and the like. */
  rules: CssRule[];
}

/** At-rules whose block holds rules rather than declarations. */
const GROUPING_AT_RULES = new Set(['media', 'supports', 'document', '-moz-document', 'layer', 'container', 'scope', 'starting-style']); // prettier-ignore

/** Index just past a comment or string starting at `i`, or `i` when none starts there. */
function skipAtom(css: string, i: number, end: number): number {
  const c = css[i];
  if (c === '/' && css[i + 1] === '*') {
    const close = css.indexOf('*/', i + 2);
    return close < 0 || close + 2 > end ? end : close + 2;
  }
  if (c === '"' || c === "'") {
    for (let j = i + 1; j < end; j++) {
      if (css[j] === '\\') j++;
      else if (css[j] === c || css[j] === '\n') return j + 1;
    }
    return end;
  }
  return i;
}

/** Index of the next `stop` character at depth 0 (outside strings, comments and brackets). */
function scanTo(css: string, i: number, end: number, stops: string): number {
  let depth = 0;
  while (i < end) {
    const skipped = skipAtom(css, i, end);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const c = css[i]!;
    if (depth === 0 && stops.includes(c)) return i;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (c === '}' && depth === 0) return i;
    i++;
  }
  return end;
}

function stripComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const skipped = skipAtom(text, i, text.length);
    if (skipped !== i && text[i] === '/') {
      out += ' ';
      i = skipped;
    } else if (skipped !== i) {
      out += text.slice(i, skipped);
      i = skipped;
    } else {
      out += text[i++];
    }
  }
  return out;
}

/** Read declarations from `css[start, end)` (a `style` attribute or a rule's block). */
export function readDeclarations(
  css: string,
  start = 0,
  end = css.length,
  base = 0,
): CssDeclaration[] {
  const out: CssDeclaration[] = [];
  let i = start;
  while (i < end) {
    const stop = scanTo(css, i, end, ';');
    const text = stripComments(css.slice(i, stop));
    const colon = text.indexOf(':');
    if (colon > 0) {
      const name = text.slice(0, colon).trim();
      let value = text.slice(colon + 1).trim();
      const important = /!\s*important\s*$/i.test(value);
      if (important) value = value.replace(/!\s*important\s*$/i, '').trim();
      if (/^-?[a-zA-Z_-][\w-]*$/.test(name)) {
        const offset = i + (css.slice(i, stop).length - css.slice(i, stop).trimStart().length);
        out.push({
          property: name.startsWith('--') ? name : name.toLowerCase(),
          value,
          important,
          start: base + offset,
          end: base + stop,
        });
      }
    }
    i = stop + 1;
  }
  return out;
}

/** Read the rules in `css[start, end)`. */
function readRules(css: string, start: number, end: number, base: number): CssRule[] {
  const rules: CssRule[] = [];
  let i = start;
  while (i < end) {
    const stop = scanTo(css, i, end, '{;');
    const prelude = stripComments(css.slice(i, stop)).trim();
    const leading = css.slice(i, stop).length - css.slice(i, stop).trimStart().length;
    const ruleStart = i + leading;
    if (stop >= end || css[stop] === ';' || css[stop] === '}') {
      if (prelude.startsWith('@')) {
        const [name = ''] = prelude.slice(1).split(/[\s(]/, 1);
        rules.push({ kind: name.toLowerCase(), prelude: prelude.slice(1 + name.length).trim(), start: base + ruleStart, end: base + stop, declarations: [], rules: [] }); // prettier-ignore
      }
      i = stop + 1;
      continue;
    }
    const close = scanTo(css, stop + 1, end, '}');
    const rule: CssRule = { kind: 'style', prelude, start: base + ruleStart, end: base + Math.min(close + 1, end), declarations: [], rules: [] }; // prettier-ignore
    if (prelude.startsWith('@')) {
      const [name = ''] = prelude.slice(1).split(/[\s(]/, 1);
      rule.kind = name.toLowerCase();
      rule.prelude = prelude.slice(1 + name.length).trim();
      if (GROUPING_AT_RULES.has(rule.kind)) rule.rules = readRules(css, stop + 1, close, base);
      else if (rule.kind === 'keyframes' || rule.kind.endsWith('-keyframes')) rule.rules = [];
      else rule.declarations = readDeclarations(css, stop + 1, close, base);
    } else {
      rule.declarations = readDeclarations(css, stop + 1, close, base);
    }
    rules.push(rule);
    i = close + 1;
  }
  return rules;
}

/** Read a stylesheet; offsets are shifted by `base` (where the CSS begins in the HTML). */
export function readStylesheet(css: string, base = 0): CssRule[] {
  return readRules(css, 0, css.length, base);
}

/** Every rule of a stylesheet, nested ones included, in order. */
export function allRules(rules: readonly CssRule[], out: CssRule[] = []): CssRule[] {
  for (const rule of rules) {
    out.push(rule);
    allRules(rule.rules, out);
  }
  return out;
}
