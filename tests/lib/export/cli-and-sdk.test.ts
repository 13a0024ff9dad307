import { describe, expect, test } from 'vitest';
import {
  awsSesSendRawEmailCommand,
  awsSesv2SendEmailCommand,
  javaSdkSnippet,
  javascriptSdkSnippet,
  sesV1SendRawEmail,
  sesV2SendEmail,
  toCliJson,
} from '../../../src/lib/export/index.ts';
import { sampleSource } from './sample.ts';

/** Split a POSIX command line (single quotes, backslash-newline continuations) into words. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (char === "'") {
      const end = line.indexOf("'", i + 1);
      word += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (char === '\\') {
      const next = line[++i] as string;
      if (next !== '\n') {
        word += next;
        inWord = true;
      }
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** Flags of a command line and their values. */
function flagsOf(words: string[]): Map<string, string[]> {
  const flags = new Map<string, string[]>();
  let current = '';
  for (const word of words) {
    if (word.startsWith('--')) flags.set((current = word), []);
    else if (current) flags.get(current)?.push(word);
  }
  return flags;
}

describe('AWS CLI command lines', () => {
  test('aws sesv2 send-email carries every member of the request', () => {
    const { request } = sesV2SendEmail(sampleSource({ subject: "Bo's receipt" }));
    const words = shellWords(awsSesv2SendEmailCommand(request));
    expect(words.slice(0, 3)).toEqual(['aws', 'sesv2', 'send-email']);
    const flags = flagsOf(words);
    const json = JSON.parse(toCliJson(request));
    expect(flags.get('--from-email-address')).toEqual([json.FromEmailAddress]);
    expect(JSON.parse(flags.get('--destination')?.[0] ?? '')).toEqual(json.Destination);
    expect(flags.get('--reply-to-addresses')).toEqual(json.ReplyToAddresses);
    expect(JSON.parse(flags.get('--content')?.[0] ?? '')).toEqual(json.Content);
    expect(JSON.parse(flags.get('--email-tags')?.[0] ?? '')).toEqual(json.EmailTags);
    expect(flags.get('--configuration-set-name')).toEqual(['Receipts']);
  });

  test('aws ses send-raw-email passes the message as base64', () => {
    const request = sesV1SendRawEmail(sampleSource());
    const flags = flagsOf(shellWords(awsSesSendRawEmailCommand(request)));
    const json = JSON.parse(toCliJson(request));
    expect(JSON.parse(flags.get('--raw-message')?.[0] ?? '')).toEqual(json.RawMessage);
    expect(flags.get('--destinations')).toEqual(json.Destinations);
    expect(flags.get('--source')).toEqual([json.Source]);
  });
});

describe('AWS SDK programs', () => {
  test('the JavaScript program builds exactly the request, bytes included', () => {
    for (const overrides of [{}, { subject: '' }]) {
      const { request } = sesV2SendEmail(sampleSource(overrides));
      const program = javascriptSdkSnippet(request);
      expect(program).toContain('from "@aws-sdk/client-sesv2"');
      expect(program).toContain('new SendEmailCommand(input)');
      const input = /const input = ([\s\S]*?);\n\nconst response/.exec(program)?.[1];
      const evaluated = new Function('Buffer', `return (${input});`)(Buffer);
      expect(JSON.parse(toCliJson(evaluated))).toEqual(JSON.parse(toCliJson(request)));
    }
  });

  test('the Java program uses the SDK 2.x builders for each member', () => {
    const { request } = sesV2SendEmail(sampleSource({ subject: 'Café "quoted"' }));
    const program = javaSdkSnippet(request);
    for (const piece of [
      'SesV2Client.builder().region(Region.US_EAST_1)',
      '.fromEmailAddress("Ana Example <ana@example.com>")',
      '.toAddresses("bo@example.net", "Cy <cy@example.org>")',
      '.bccAddresses("eve@example.com")',
      '.subject(Content.builder().data("Caf\\u00e9 \\"quoted\\"").charset("UTF-8").build())',
      '.contentDisposition(AttachmentContentDisposition.INLINE)',
      '.configurationSetName("Receipts")',
      'client.sendEmail(request)',
    ]) {
      expect(program).toContain(piece);
    }
    let depth = 0;
    for (const char of program.replace(/"(?:[^"\\]|\\.)*"/g, '""')) {
      if (char === '(' || char === '{') depth++;
      if (char === ')' || char === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  test('long bodies are split into Java literals under the constant limit', () => {
    const html = `<p>${'x'.repeat(70_000)}</p>`;
    const program = javaSdkSnippet(sesV2SendEmail(sampleSource({ html })).request);
    const literals = program.match(/"(?:[^"\\]|\\.)*"/g) ?? [];
    expect(Math.max(...literals.map((literal) => literal.length))).toBeLessThan(65_535);
    expect(program).toContain('String.join("",');
  });
});
