/**
 * SES's template language: the part of Handlebars that SES documents for email templates
 * ("Advanced email personalization", ses-facts §1.5): substitutions (`{{name}}`, `{{a.b}}`,
 * `{{{raw}}}`), `{{#if}}` and `{{#unless}}` with `{{else}}` and `{{else if …}}`, `{{#each}}` over
 * lists and objects (`{{this}}`, `{{@index}}`, `{{@key}}`, `{{@first}}`, `{{@last}}`), `{{#with}}`,
 * `../` and `@root` paths, comments and `~` whitespace control. Block tags alone on their line take
 * the line with them, as Handlebars does.
 *
 * The template is read once by a linear scan (no regular expression runs over it) into a tree,
 * and rendered with bounded depth and output, so neither a hostile template nor hostile data can
 * hang the page or overflow the stack.
 */
import { MAX_RENDERED_TEMPLATE, MAX_TEMPLATE_DEPTH } from '../limits.ts';

/** A path into the data: `name`, `a.b`, `this`, `../x`, `@index`, `@root.x`. */
interface Path {
  readonly source: string;
  readonly up: number;
  readonly root: boolean;
  readonly data?: string;
  readonly parts: readonly string[];
}

type Helper = 'if' | 'unless' | 'each' | 'with';

type TemplateNode =
  | { readonly kind: 'text'; text: string }
  | { readonly kind: 'value'; readonly path: Path }
  | {
      readonly kind: 'block';
      readonly helper: Helper;
      readonly path: Path;
      readonly body: TemplateNode[];
      inverse: TemplateNode[];
    };

/**
 * Why a template could not be rendered. `documented` is true for SES's own wording (a missing
 * attribute); the other messages are the simulator's, since SES publishes no text for them.
 */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly documented = false,
  ) {
    super(message);
  }
}

const HELPERS: ReadonlySet<string> = new Set(['if', 'unless', 'each', 'with']);

interface Tag {
  kind: 'value' | 'open' | 'else' | 'close' | 'comment';
  helper?: string;
  expression: string;
  trimBefore: boolean;
  trimAfter: boolean;
}

interface TextToken {
  readonly text: string;
  /** What is kept of `text` once white space is trimmed around tags: `text.slice(start, end)`. */
  start: number;
  end: number;
}

type Token = TextToken | Tag;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** Read one tag's inside: its kind, helper and expression. */
function readTag(inside: string, trimBefore: boolean, trimAfter: boolean): Tag {
  const tag = (kind: Tag['kind'], expression: string, helper?: string): Tag => ({
    kind,
    expression: expression.trim(),
    trimBefore,
    trimAfter,
    ...(helper !== undefined ? { helper } : {}),
  });
  const split = (text: string): [string, string] => {
    const rest = text.trim();
    const space = rest.search(/\s/);
    return space < 0 ? [rest, ''] : [rest.slice(0, space), rest.slice(space)];
  };
  const first = inside[0];
  if (first === '!') return tag('comment', '');
  if (first === '#' || first === '/') {
    const [helper, expression] = split(inside.slice(1));
    return tag(first === '#' ? 'open' : 'close', expression, helper);
  }
  const trimmed = inside.trim();
  if (trimmed === 'else' || trimmed === '^') return tag('else', '');
  if (trimmed.startsWith('else ')) {
    const [helper, expression] = split(trimmed.slice(5));
    return tag('else', expression, helper);
  }
  return tag('value', trimmed);
}

function textToken(text: string): TextToken {
  return { text, start: 0, end: text.length };
}

/** Split a template into text and tags, in one pass. */
function tokenize(template: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{{', at);
    if (open < 0) break;
    if (open > at) tokens.push(textToken(template.slice(at, open)));
    const triple = template.startsWith('{{{', open);
    const bodyAt = open + (triple ? 3 : 2);
    const longComment = template.startsWith(template[bodyAt] === '~' ? '~!--' : '!--', bodyAt);
    const closer = triple ? '}}}' : longComment ? '--}}' : '}}';
    const close = template.indexOf(closer, bodyAt);
    if (close < 0) {
      throw new TemplateError(`The tag at character ${open + 1} of the template is never closed.`);
    }
    let inside = template.slice(bodyAt, longComment ? close + 2 : close);
    const trimBefore = inside.startsWith('~');
    if (trimBefore) inside = inside.slice(1);
    const trimAfter = inside.endsWith('~');
    if (trimAfter) inside = inside.slice(0, -1);
    tokens.push(readTag(inside, trimBefore, trimAfter));
    at = close + closer.length;
  }
  if (at < template.length) tokens.push(textToken(template.slice(at)));
  return tokens;
}

/**
 * Where the blanks that end `text` begin, when a line break (or the template's start) is before
 * them: a block tag after them stands alone on its line.
 */
function blankToLineEnd(text: string | undefined, atStart: boolean): number | undefined {
  if (text === undefined) return atStart ? 0 : undefined;
  let i = text.length;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  if (i === 0) return atStart ? 0 : undefined;
  return text[i - 1] === '\n' ? i : undefined;
}

/** Where `text` goes on after its leading blanks and first line break (or the template's end). */
function blankFromLineStart(text: string | undefined, atEnd: boolean): number | undefined {
  if (text === undefined) return atEnd ? 0 : undefined;
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (i === text.length) return atEnd ? i : undefined;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return text[i] === '\n' ? i + 1 : undefined;
}

/**
 * Apply `~` and Handlebars's standalone rule: a block, else or comment tag alone on its line
 * removes that line's blanks and break. Decided on the text as written, then applied.
 */
function trimWhitespace(tokens: Token[]): void {
  const last = tokens.length - 1;
  tokens.forEach((token, i) => {
    if ('text' in token) return;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const prev = before && 'text' in before ? before : undefined;
    const next = after && 'text' in after ? after : undefined;
    if (token.trimBefore && prev) {
      let end = prev.text.length;
      while (end > 0 && isSpace(prev.text[end - 1])) end--;
      prev.end = Math.min(prev.end, end);
    }
    if (token.trimAfter && next) {
      let start = 0;
      while (start < next.text.length && isSpace(next.text[start])) start++;
      next.start = Math.max(next.start, start);
    }
    if (token.kind === 'value') return;
    const keep = blankToLineEnd(prev?.text, prev ? i - 1 === 0 : i === 0);
    const drop = blankFromLineStart(next?.text, next ? i + 1 === last : i === last);
    if (keep === undefined || drop === undefined) return;
    if (prev) prev.end = Math.min(prev.end, keep);
    if (next) next.start = Math.max(next.start, drop);
  });
}

function readPath(expression: string): Path {
  const source = expression;
  if (expression === '' || /\s/.test(expression)) {
    throw new TemplateError(`'{{${source}}}' is not a value the template can print.`);
  }
  let rest = expression;
  let up = 0;
  while (rest.startsWith('../')) {
    up++;
    rest = rest.slice(3);
  }
  if (rest.startsWith('./')) rest = rest.slice(2);
  let root = false;
  if (rest.startsWith('@root')) {
    root = true;
    rest = rest.slice(5).replace(/^[./]/, '');
  } else if (rest.startsWith('@')) {
    return { source, up, root, data: rest.slice(1), parts: [] };
  }
  const parts = rest === '' || rest === 'this' ? [] : rest.replace(/^this[./]/, '').split(/[./]/);
  return { source, up, root, parts };
}

/** Read a template into its tree; TemplateError for a tag that does not fit. */
export function parseTemplate(template: string): TemplateNode[] {
  const tokens = tokenize(template);
  trimWhitespace(tokens);
  const top: TemplateNode[] = [];
  // Each open block and where its nodes go now (body, then inverse after {{else}}).
  const stack: Array<{
    block: Extract<TemplateNode, { kind: 'block' }>;
    into: TemplateNode[];
    closes: number;
  }> = [];
  let into = top;
  for (const token of tokens) {
    if ('text' in token) {
      const text = token.text.slice(token.start, Math.max(token.start, token.end));
      if (text) into.push({ kind: 'text', text });
      continue;
    }
    if (token.kind === 'comment') continue;
    if (token.kind === 'value') {
      into.push({ kind: 'value', path: readPath(token.expression) });
    } else if (token.kind === 'open' || (token.kind === 'else' && token.helper)) {
      const helper = token.helper ?? '';
      if (!HELPERS.has(helper)) {
        throw new TemplateError(`The helper '${helper}' is not one SES templates support.`);
      }
      if (stack.length >= MAX_TEMPLATE_DEPTH) {
        throw new TemplateError(`Blocks are nested more than ${MAX_TEMPLATE_DEPTH} deep.`);
      }
      const block = {
        kind: 'block' as const,
        helper: helper as Helper,
        path: readPath(token.expression),
        body: [] as TemplateNode[],
        inverse: [] as TemplateNode[],
      };
      if (token.kind === 'else') {
        // `{{else if x}}` opens a block inside the current block's inverse, closed by its `{{/if}}`.
        const current = stack.at(-1);
        if (!current || current.into === current.block.inverse) {
          throw new TemplateError(`'{{else ${helper}}}' has no block to continue.`);
        }
        current.block.inverse.push(block);
        stack.push({ block, into: block.body, closes: 0 });
      } else {
        into.push(block);
        stack.push({ block, into: block.body, closes: 1 });
      }
      into = block.body;
    } else if (token.kind === 'else') {
      const current = stack.at(-1);
      if (!current || current.into === current.block.inverse) {
        throw new TemplateError(`'{{else}}' has no block to belong to.`);
      }
      current.into = current.block.inverse;
      into = current.into;
    } else {
      // A close ends the chain of `else if` blocks it belongs to.
      let frame = stack.pop();
      while (frame && frame.closes === 0) frame = stack.pop();
      if (!frame || frame.block.helper !== token.helper) {
        throw new TemplateError(`'{{/${token.helper ?? ''}}}' does not close an open block.`);
      }
      into = stack.at(-1)?.into ?? top;
    }
  }
  const open = stack.find((f) => f.closes > 0);
  if (open !== undefined) throw new TemplateError(`'{{#${open.block.helper}}}' is never closed.`);
  return top;
}

interface Scope {
  readonly value: unknown;
  readonly data: Readonly<Record<string, unknown>>;
  readonly parent?: Scope;
}

const MISSING = Symbol('missing');

function resolve(path: Path, scope: Scope, root: unknown): unknown {
  let at: Scope | undefined = scope;
  for (let i = 0; i < path.up && at; i++) at = at.parent;
  if (!at) return MISSING;
  if (path.data !== undefined) return path.data in at.data ? at.data[path.data] : MISSING;
  let value: unknown = path.root ? root : at.value;
  for (const key of path.parts) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return MISSING;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Handlebars's truth: empty lists, empty strings, 0, false, null and missing are false. */
function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return (
    value !== MISSING &&
    value !== null &&
    value !== undefined &&
    value !== false &&
    value !== '' &&
    value !== 0
  );
}

/** Handlebars's emptiness, which `{{#with}}` uses: like falsehood, except that 0 is not empty. */
function empty(value: unknown): boolean {
  return value === 0 ? false : !truthy(value);
}

function printable(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(printable).join(',');
  if (typeof value === 'object') return '[object Object]';
  return String(value);
}

/** Render a parsed template with its data; TemplateError with SES's message when it cannot. */
export function renderParsed(nodes: readonly TemplateNode[], data: unknown): string {
  const out: string[] = [];
  let size = 0;
  const emit = (text: string) => {
    size += text.length;
    if (size > MAX_RENDERED_TEMPLATE) {
      throw new TemplateError(
        `The rendered template is longer than ${MAX_RENDERED_TEMPLATE.toLocaleString('en-US')} characters.`,
      );
    }
    out.push(text);
  };
  const walk = (list: readonly TemplateNode[], scope: Scope): void => {
    for (const node of list) {
      if (node.kind === 'text') emit(node.text);
      else if (node.kind === 'value') {
        const value = resolve(node.path, scope, data);
        if (value === MISSING) {
          throw new TemplateError(
            `Attribute '${node.path.source}' is not present in the rendering data.`,
            true,
          );
        }
        emit(printable(value));
      } else renderBlock(node, scope);
    }
  };
  const renderBlock = (node: Extract<TemplateNode, { kind: 'block' }>, scope: Scope): void => {
    const value = resolve(node.path, scope, data);
    if (node.helper === 'if' || node.helper === 'unless') {
      const yes = truthy(value) === (node.helper === 'if');
      walk(yes ? node.body : node.inverse, scope);
    } else if (node.helper === 'with') {
      if (!empty(value)) walk(node.body, { value, data: {}, parent: scope });
      else walk(node.inverse, scope);
    } else {
      const entries: Array<[string | number, unknown]> = Array.isArray(value)
        ? value.map((item, index) => [index, item])
        : typeof value === 'object' && value !== null
          ? Object.entries(value)
          : [];
      if (entries.length === 0) walk(node.inverse, scope);
      entries.forEach(([key, item], index) => {
        const meta = {
          index,
          key,
          first: index === 0,
          last: index === entries.length - 1,
        };
        walk(node.body, { value: item, data: meta, parent: scope });
      });
    }
  };
  walk(nodes, { value: data, data: {} });
  return out.join('');
}

/** Render a template's text with its data (parse, then render). */
export function renderTemplateText(template: string, data: unknown): string {
  return renderParsed(parseTemplate(template), data);
}
