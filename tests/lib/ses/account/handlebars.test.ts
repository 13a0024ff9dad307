import { describe, expect, test } from 'vitest';
import { fc, test as propertyTest } from '@fast-check/vitest';
import Handlebars from 'handlebars';
import { renderTemplateText, TemplateError } from '../../../../src/lib/ses/index.ts';
import { propertyRuns } from '../../../support/property-runs.ts';

/**
 * Handlebars itself, set as SES renders: no HTML escaping. The independent oracle. Random inputs
 * hold nothing HTML would escape and are rendered with escaping on, since `noEscape` makes
 * Handlebars add adjacent numbers (`{{a}}{{a}}` with 2 gives "4").
 */
function handlebars(template: string, data: unknown, noEscape = true): string {
  return Handlebars.compile(template, { noEscape })(data);
}

const cases: Array<{ name: string; template: string; data: Record<string, unknown> }> = [
  { name: 'a substitution', template: 'Hi {{name}}!', data: { name: 'Ana' } },
  {
    name: 'a dotted path',
    template: '{{user.address.city}}',
    data: { user: { address: { city: 'Łódź' } } },
  },
  { name: 'a triple stash', template: '{{{html}}}', data: { html: '<b>x</b> & y' } },
  { name: 'a double stash is not escaped', template: '{{html}}', data: { html: '<b>"x"</b>' } },
  { name: 'if with else', template: '{{#if vip}}VIP{{else}}regular{{/if}}', data: { vip: false } },
  { name: 'if on a missing value', template: '{{#if nope}}yes{{else}}no{{/if}}', data: {} },
  {
    name: 'if on an empty list',
    template: '{{#if items}}some{{else}}none{{/if}}',
    data: { items: [] },
  },
  { name: 'if on zero', template: '{{#if n}}some{{else}}none{{/if}}', data: { n: 0 } },
  { name: 'unless', template: '{{#unless paid}}Pay now{{/unless}}', data: { paid: false } },
  {
    name: 'else if chains',
    template: '{{#if a}}A{{else if b}}B{{else if c}}C{{else}}D{{/if}}',
    data: { c: 1 },
  },
  {
    name: 'each over a list, with @index, @first, @last and ../',
    template:
      '{{#each items}}{{@index}}:{{name}}@{{../shop}}{{#if @first}}<{{/if}}{{#if @last}}>{{/if}};{{/each}}',
    data: { shop: 'S', items: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
  },
  {
    name: 'each over scalars with this',
    template: '{{#each tags}}[{{this}}]{{/each}}',
    data: { tags: ['x', 'y'] },
  },
  {
    name: 'each over an object with @key',
    template: '{{#each prices}}{{@key}}={{this}} {{/each}}',
    data: { prices: { a: 1, b: 2 } },
  },
  {
    name: 'each with else',
    template: '{{#each items}}x{{else}}empty{{/each}}',
    data: { items: [] },
  },
  {
    name: 'with',
    template: '{{#with user}}{{first}} {{last}}{{/with}}',
    data: { user: { first: 'A', last: 'B' } },
  },
  {
    name: 'with on a missing value takes else',
    template: '{{#with user}}x{{else}}nobody{{/with}}',
    data: {},
  },
  {
    name: 'with on zero renders its block',
    template: '{{#with n}}[{{this}}]{{/with}}',
    data: { n: 0 },
  },
  { name: '@root', template: '{{#each l}}{{@root.a}}{{/each}}', data: { a: 'r', l: [1, 2] } },
  { name: 'comments', template: 'a{{! one }}b{{!-- two }} --}}c', data: {} },
  { name: 'white space control', template: 'a  {{~ name ~}}  b', data: { name: 'N' } },
  {
    name: 'standalone block lines',
    template: '<ul>\n  {{#each items}}\n  <li>{{this}}</li>\n  {{/each}}\n</ul>\n',
    data: { items: [1, 2] },
  },
  {
    name: 'nested standalone blocks',
    template: '{{#if a}}\n{{#if b}}\nAB\n{{/if}}\n{{/if}}\nend',
    data: { a: 1, b: 1 },
  },
  { name: 'CRLF lines', template: 'x\r\n{{#if a}}\r\ny\r\n{{/if}}\r\nz', data: { a: true } },
  { name: 'null prints as nothing', template: '[{{v}}]', data: { v: null } },
  { name: 'numbers and booleans', template: '{{n}} {{b}}', data: { n: 1.5, b: true } },
  { name: 'a list prints joined', template: '{{l}}', data: { l: [1, 'a'] } },
];

describe('SES template language', () => {
  for (const c of cases) {
    test(`${c.name}: as Handlebars renders it`, () => {
      expect(renderTemplateText(c.template, c.data)).toBe(handlebars(c.template, c.data));
    });
  }

  test("a missing attribute fails in SES's words", () => {
    expect(() => renderTemplateText('Hi {{plan.tier}}', { plan: {} })).toThrow(
      new TemplateError("Attribute 'plan.tier' is not present in the rendering data.", true),
    );
    expect(() => renderTemplateText('{{#each l}}{{name}}{{/each}}', { l: [{}] })).toThrow(
      "Attribute 'name' is not present",
    );
  });

  test('templates that do not fit are refused with a reason', () => {
    for (const [template, reason] of [
      ['{{#if a}}x', "'{{#if}}' is never closed"],
      ['x{{/if}}', "'{{/if}}' does not close an open block"],
      ['{{#if a}}x{{/each}}', "'{{/each}}' does not close"],
      ['{{#lookup a}}{{/lookup}}', "The helper 'lookup' is not one SES templates support"],
      ['{{else}}', "'{{else}}' has no block"],
      ['{{name', 'is never closed'],
      ['{{a b}}', 'is not a value the template can print'],
    ]) {
      expect(() => renderTemplateText(template as string, { a: 1 }), template).toThrow(reason);
    }
  });

  test('hostile templates and data end quickly with a reason, not a hang or a stack overflow', () => {
    expect(() => renderTemplateText('{{#if a}}'.repeat(200_000), { a: 1 })).toThrow(
      'nested more than',
    );
    const list = Array.from({ length: 1000 }, (_, i) => i);
    expect(() =>
      renderTemplateText(
        '{{#each l}}{{#each ../l}}{{#each ../../l}}{{this}}{{/each}}{{/each}}{{/each}}',
        { l: list },
      ),
    ).toThrow('The rendered template is longer than');
    // Unclosed tag openers everywhere: one scan, not one per opener.
    expect(() => renderTemplateText('{{'.repeat(500_000), {})).toThrow('never closed');
  }, 20_000);

  propertyTest.prop([fc.string().filter((s) => !s.includes('{{') && !s.includes('}}'))], {
    ...propertyRuns(200),
  })('text without tags renders as itself', (text) => {
    expect(renderTemplateText(text, {})).toBe(text);
  });

  const word = fc.constantFrom('a', 'b', 'c');
  const template: fc.Arbitrary<string> = fc.letrec<{ t: string }>((tie) => ({
    t: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('x', ' ', '\n', 'y\n'),
      word.map((w) => `{{${w}}}`),
      fc
        .tuple(fc.constantFrom('if', 'unless', 'each', 'with'), word, tie('t'), fc.option(tie('t')))
        .map(
          ([helper, w, body, inverse]) =>
            `{{#${helper} ${w}}}${body}${inverse === null ? '' : `{{else}}${inverse}`}{{/${helper}}}`,
        ),
      fc.tuple(tie('t'), tie('t')).map(([a, b]) => a + b),
    ),
  })).t;
  const value = fc.oneof(
    fc.constantFrom(0, 1, 2, '', 'v', true, false, null),
    fc.array(fc.constantFrom(0, 'w', { a: 1, b: 'q', c: [] }), { maxLength: 3 }),
    fc.record({
      a: fc.constantFrom(1, 'z'),
      b: fc.constantFrom('', 'k'),
      c: fc.constantFrom([], [1]),
    }),
  );
  propertyTest.prop([template, fc.record({ a: value, b: value, c: value })], {
    ...propertyRuns(500),
  })(
    'random templates render as Handlebars renders them, or fail on a missing attribute',
    (t, data) => {
      let expected: string | undefined;
      try {
        expected = handlebars(t, data, false);
      } catch {
        return; // a form Handlebars itself refuses
      }
      try {
        expect(renderTemplateText(t, data)).toBe(expected);
      } catch (error) {
        // SES fails where Handlebars prints nothing for a value the data lacks.
        expect(String(error)).toContain('is not present in the rendering data');
      }
    },
  );
});
