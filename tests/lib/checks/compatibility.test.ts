/**
 * Compatibility findings against features whose support caniemail's data states plainly (read
 * from node_modules/caniemail/data/caniemail.json, data of 2025-09-09).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { featureSupport, type CaniemailData } from '../../../src/lib/checks/index.ts';
import { check, draft, page } from './support.ts';

const data = JSON.parse(
  readFileSync(
    new URL('../../../node_modules/caniemail/data/caniemail.json', import.meta.url),
    'utf8',
  ),
) as CaniemailData;
const feature = (slug: string) => data.data.find((f) => f.slug === slug)!;

describe('caniemail data', () => {
  test('is the pinned, dated copy', () => {
    expect(data.last_update_date.startsWith('2025-09-09')).toBe(true);
  });

  test('display:flex: Outlook on Windows lacks it, Apple Mail has it', () => {
    const flex = feature('css-display-flex');
    expect(featureSupport(data, flex, ['outlook']).unsupported).toContain('Outlook Windows');
    expect(featureSupport(data, flex, ['apple-mail'])).toEqual({
      unsupported: [],
      partial: [],
      notes: [],
    });
  });
});

describe('compatibility findings', () => {
  test('display:flex is reported for Outlook with a link to its page, at its line', async () => {
    const html = page('<p>Bread</p>\n<div style="display:flex">Loaves</div>');
    const report = await check(draft({ html }));
    const flex = report.findings.find(
      (f) => f.code === 'css-unsupported' && f.message.startsWith('display:flex'),
    );
    expect(flex?.clients).toContain('Outlook Windows');
    expect(flex?.reference).toBe('https://www.caniemail.com/features/css-display-flex/');
    expect(flex?.severity).toBe('warning');
    const lines = html.split('\n');
    expect(lines[flex!.line! - 1]!.slice(flex!.column! - 1)).toMatch(/^display:flex/);
  });

  test('only the chosen clients count', async () => {
    const html = page(
      '<div style="display:flex">Loaves</div><video src="https://bakery.example/v.mp4"></video>',
    );
    const apple = await check(draft({ html }), { clients: ['apple-mail'] });
    expect(apple.findings.filter((f) => f.message.startsWith('display:flex'))).toEqual([]);
    // caniemail: Apple Mail on iOS plays <video> only with controls (partial support).
    const appleVideo = apple.findings.find((f) => f.message.startsWith('<video>'));
    expect(appleVideo).toMatchObject({ severity: 'info', clients: ['Apple Mail iOS'] });
    const outlook = await check(draft({ html }), { clients: ['outlook'] });
    const video = outlook.findings.find(
      (f) => f.code === 'html-unsupported' && f.message.startsWith('<video>'),
    );
    expect(video?.severity).toBe('warning');
    expect(video?.clients?.length).toBeGreaterThan(0);
    expect(video?.clients?.every((c) => c.startsWith('Outlook'))).toBe(true);
  });

  test('Gmail does not apply @media (prefers-color-scheme)', async () => {
    const html = page(
      '<p>Bread</p>',
      '<style>@media (prefers-color-scheme: dark) { p { color: #eeeeee; } }</style>',
    );
    const report = await check(draft({ html }), { clients: ['gmail'] });
    const dark = report.findings.find((f) => f.message.startsWith('@media (prefers-color-scheme)'));
    expect(dark?.clients).toContain('Gmail Desktop Webmail');
    expect(dark?.severity).toBe('info'); // a progressive enhancement: ignored where unsupported
  });

  test('a <style> rule using border-radius is reported for Outlook on Windows', async () => {
    const support = featureSupport(data, feature('css-border-radius'), ['outlook']);
    expect(support.unsupported).toContain('Outlook Windows');
    const html = page('<p class="card">Bread</p>', '<style>.card { border-radius: 8px; }</style>');
    const report = await check(draft({ html }), { clients: ['outlook'] });
    expect(
      report.findings.some(
        (f) => f.message.startsWith('border-radius') && f.clients?.includes('Outlook Windows'),
      ),
    ).toBe(true);
  });
});
