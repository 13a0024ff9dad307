// @vitest-environment jsdom
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import {
  classifyLinkUrl,
  classifyResourceUrl,
  parseSrcset,
  serializeSrcset,
} from '../../../src/lib/html/url.ts';

describe('classifyResourceUrl', () => {
  test.each([
    ['https://img.example/a.png', { kind: 'remote', url: 'https://img.example/a.png' }],
    ['  HTTP://IMG.example/a.png  ', { kind: 'remote', url: 'http://img.example/a.png' }],
    ['//img.example/a.png', { kind: 'remote', url: 'https://img.example/a.png' }],
    ['\\\\img.example\\a.png', { kind: 'remote', url: 'https://img.example/a.png' }],
    ['ht\ttps://img.example/a.png', { kind: 'remote', url: 'https://img.example/a.png' }],
    ['cid:<a@b>', { kind: 'cid', contentId: 'a@b' }],
    ['data:image/png;base64,AAAA', { kind: 'data', url: 'data:image/png;base64,AAAA' }],
    ['data:text/html,<script>alert(1)</script>', { kind: 'dropped', reason: 'data-type' }],
    ['data:image/svg+xml;base64,AAAA', { kind: 'data', url: 'data:image/svg+xml;base64,AAAA' }],
    ['javascript:alert(1)', { kind: 'dropped', reason: 'scheme' }],
    ['java\nscript:alert(1)', { kind: 'dropped', reason: 'scheme' }],
    ['file:///etc/passwd', { kind: 'dropped', reason: 'scheme' }],
    ['images/a.png', { kind: 'dropped', reason: 'relative' }],
    ['/a.png', { kind: 'dropped', reason: 'relative' }],
    ['', { kind: 'dropped', reason: 'empty' }],
    ['http://[::1', { kind: 'dropped', reason: 'malformed' }],
  ])('%j', (raw, expected) => {
    expect(classifyResourceUrl(raw)).toEqual(expected);
  });
});

describe('classifyLinkUrl', () => {
  test.each([
    ['https://site.example/x', 'external'],
    ['mailto:a@b.example', 'external'],
    ['tel:+441234', 'external'],
    ['#section-2', 'fragment'],
    ['javascript:alert(1)', 'dropped'],
    ['relative/page.html', 'dropped'],
    ['cid:a@b', 'dropped'],
  ])('%s is %s', (raw, kind) => {
    expect(classifyLinkUrl(raw).kind).toBe(kind);
  });
});

describe('srcset', () => {
  test('data: URLs with commas stay whole', () => {
    expect(parseSrcset('data:image/png;base64,AA,AA 1x, https://a.example/b.png 2x')).toEqual([
      { url: 'data:image/png;base64,AA,AA', descriptor: '1x' },
      { url: 'https://a.example/b.png', descriptor: '2x' },
    ]);
  });
  test('candidates without descriptors and with trailing commas', () => {
    // As the HTML standard parses it: a URL runs to whitespace, so "a,b" would be one URL.
    expect(parseSrcset('a.png, b.png 100w,  c.png')).toEqual([
      { url: 'a.png', descriptor: '' },
      { url: 'b.png', descriptor: '100w' },
      { url: 'c.png', descriptor: '' },
    ]);
  });
  const candidate = fc.record({
    url: fc.webUrl().filter((url) => !url.includes(',')),
    descriptor: fc.constantFrom('', '1x', '2x', '480w', '1.5x'),
  });
  prop.prop([fc.array(candidate, { maxLength: 6 })])('parse(serialize(x)) is x', (list) => {
    expect(parseSrcset(serializeSrcset(list))).toEqual(list);
  });
});
