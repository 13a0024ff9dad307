/**
 * HTML validity with html-validate, under a profile that tolerates what email needs: layout
 * tables, presentational attributes (bgcolor, align, valign, width), `<center>` and `<font>`,
 * inline styles and Outlook's conditional comments. Loaded only when the checks run: it is big.
 */
import type { FindingList } from './findings.ts';
import type { CheckedMessage } from './message.ts';

/** At most this many validity findings: after that, fixing the first ones matters more. */
const MAX_FINDINGS = 30;

/** html-validate's recommended rules, less those that email HTML cannot or need not follow. */
export const EMAIL_VALIDATION_CONFIG = {
  extends: ['html-validate:recommended'],
  rules: {
    'no-inline-style': 'off', deprecated: 'off', 'no-deprecated-attr': 'off',
    'no-conditional-comment': 'off', 'prefer-native-element': 'off', 'prefer-tbody': 'off',
    'no-implicit-close': 'off', 'void-style': 'off', 'attr-case': 'off', 'doctype-style': 'off',
    'attribute-boolean-style': 'off', 'attribute-empty-style': 'off', 'no-trailing-whitespace': 'off',
    'no-raw-characters': 'off', 'no-redundant-role': 'off', 'text-content': 'off', 'long-title': 'off',
    'require-sri': 'off', 'valid-id': 'off', 'heading-level': 'off', 'wcag/h30': 'off',
    'wcag/h32': 'off', 'wcag/h36': 'off', 'wcag/h37': 'off', 'wcag/h63': 'off', 'wcag/h67': 'off',
    'wcag/h71': 'off', 'no-missing-references': 'off', 'no-autoplay': 'off', 'hidden-focusable': 'off',
    'element-required-content': 'off', 'unique-landmark': 'off', 'no-style-tag': 'off',
    'attribute-allowed-values': 'warn', 'element-permitted-content': 'warn', 'no-unknown-elements': 'warn',
    'element-required-attributes': 'off', 'script-element': 'off', 'attribute-misuse': 'off',
    'element-permitted-parent': 'warn', 'no-utf8-bom': 'off', 'missing-doctype': 'off',
    'no-self-closing': 'off', 'tel-non-breaking': 'off', 'form-dup-name': 'off', 'no-dup-class': 'off',
    'area-alt': 'off', 'empty-heading': 'off', 'empty-title': 'off', 'name-pattern': 'off',
    'id-pattern': 'off', 'class-pattern': 'off', 'valid-autocomplete': 'off', 'input-missing-label': 'off',
  },
} as const; // prettier-ignore

type Validator = { validateString(source: string): Promise<{ results: Array<{ messages: Array<{ ruleId: string; message: string; offset: number; size: number; severity: number }> }> }> }; // prettier-ignore
let validator: Promise<Validator> | undefined;

function loadValidator(): Promise<Validator> {
  validator ??= import('html-validate').then(
    ({ HtmlValidate }) =>
      new HtmlValidate(EMAIL_VALIDATION_CONFIG as never) as unknown as Validator,
  );
  return validator;
}

/** Validate the HTML body; each problem html-validate reports becomes an `html-invalid` finding. */
export async function checkValidity(message: CheckedMessage, list: FindingList): Promise<void> {
  const html = message.html;
  if (!html || !html.source.text.trim()) return;
  const report = await (await loadValidator()).validateString(html.source.text);
  let count = 0;
  for (const result of report.results) {
    for (const problem of result.messages) {
      if (count++ >= MAX_FINDINGS) return;
      const end = problem.offset + Math.max(problem.size, 1);
      list.add(
        'html-invalid',
        problem.severity >= 2 ? 'warning' : 'info',
        `${problem.message.replace(/\.?$/, '.')} (html-validate rule ${problem.ruleId}; fix the markup so every client parses it the same way.)`,
        { source: html.source, start: problem.offset, end },
        {
          reference: `https://html-validate.org/rules/${problem.ruleId.replace(/^wcag\//, '')}.html`,
        },
      );
    }
  }
}
