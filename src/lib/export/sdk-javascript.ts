/**
 * A program for the AWS SDK for JavaScript v3 that sends a v2 `SendEmail` request, written the
 * way SES's own code examples are (`SESv2Client`, `SendEmailCommand`).
 */
import type { SendEmailRequest } from '../ses/api/request-types.ts';
import { bytesToBase64 } from './base64.ts';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JavaScript expression for a request value; bytes become a base64-decoded Buffer. */
function literal(value: unknown, depth: number): string {
  const indent = '  '.repeat(depth + 1);
  const closing = '  '.repeat(depth);
  if (value instanceof Uint8Array)
    return `Buffer.from(${JSON.stringify(bytesToBase64(value))}, "base64")`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => indent + literal(item, depth + 1)).join(',\n')},\n${closing}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, member]) => member !== undefined);
    if (entries.length === 0) return '{}';
    const members = entries.map(([key, member]) => {
      const name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
      return `${indent}${name}: ${literal(member, depth + 1)}`;
    });
    return `{\n${members.join(',\n')},\n${closing}}`;
  }
  return JSON.stringify(value);
}

/** The JavaScript (Node.js, ES modules) that sends this request with the AWS SDK v3. */
export function javascriptSdkSnippet(request: SendEmailRequest, region = 'us-east-1'): string {
  return [
    '// npm install @aws-sdk/client-sesv2',
    'import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";',
    '',
    `const client = new SESv2Client({ region: ${JSON.stringify(region)} });`,
    '',
    `const input = ${literal(request, 0)};`,
    '',
    'const response = await client.send(new SendEmailCommand(input));',
    'console.log(`Sent: ${response.MessageId}`);',
    '',
  ].join('\n');
}
