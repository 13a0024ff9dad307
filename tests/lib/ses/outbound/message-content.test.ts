import { describe, expect, test } from 'vitest';
import { encodeBase64 } from '../../../../src/lib/mime/base64.ts';
import { utf8Encode } from '../../../../src/lib/mime/bytes.ts';
import {
  containsTestVirus,
  decodedTextBody,
  EICAR,
} from '../../../../src/lib/ses/outbound/message-content.ts';
import { rawMessage, rawRequest, simulator } from '../support.ts';

const wrap = (text: string) => text.replace(/.{1,76}/g, '$&\r\n').trimEnd();

/** A multipart/mixed message: a text part and an attachment whose bytes are `file`. */
function withAttachment(file: string, encoding: 'base64' | 'quoted-printable' = 'base64'): string {
  const encoded =
    encoding === 'base64'
      ? wrap(encodeBase64(utf8Encode(file)))
      : file.replace(/=/g, '=3D').replace(/.{70}/g, '$&=\r\n');
  return rawMessage(
    {
      From: 'sender@example.com',
      To: 'inbox@example.com',
      Subject: 'The file',
      'MIME-Version': '1.0',
      'Content-Type': 'multipart/mixed; boundary="b1"',
    },
    [
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'See the attached file.',
      '--b1',
      'Content-Type: application/octet-stream; name="eicar.com.txt"',
      'Content-Disposition: attachment; filename="eicar.com.txt"',
      `Content-Transfer-Encoding: ${encoding}`,
      '',
      encoded,
      '--b1--',
    ].join('\r\n'),
  );
}

describe('containsTestVirus', () => {
  test('finds the EICAR string in a base64 or quoted-printable attachment, as a scanner would', () => {
    expect(containsTestVirus(utf8Encode(withAttachment(EICAR)))).toBe(true);
    expect(containsTestVirus(utf8Encode(withAttachment(EICAR, 'quoted-printable')))).toBe(true);
    expect(containsTestVirus(utf8Encode(withAttachment('An ordinary file.')))).toBe(false);
  });

  test('finds it in a plain body, and not in a message without it', () => {
    expect(containsTestVirus(utf8Encode(rawMessage({ From: 'a@x.example' }, EICAR)))).toBe(true);
    expect(containsTestVirus(utf8Encode(rawMessage({ From: 'a@x.example' }, 'Hello.')))).toBe(
      false,
    );
  });
});

describe('decodedTextBody', () => {
  test('gives the text parts decoded from their transfer encoding and charset', () => {
    const raw = rawMessage(
      {
        From: 'a@x.example',
        'MIME-Version': '1.0',
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Transfer-Encoding': 'base64',
      },
      encodeBase64(utf8Encode('Très URGENT: please call.')),
    );
    expect(decodedTextBody(utf8Encode(raw))).toContain('Très URGENT: please call.');
  });
});

describe('the simulator decodes what it scans', () => {
  test('a send with EICAR in a base64 attachment is accepted, then rejected', () => {
    const ses = simulator({ sandbox: false });
    const request = rawRequest(['inbox@example.com']);
    request.Content!.Raw!.Data = withAttachment(EICAR);
    const { MessageId } = ses.sendEmail(request);
    expect(MessageId).toBeTruthy();
    ses.advance(60_000);
    const message = ses.messages()[0]!;
    expect(message.rejected).toBe(true);
    expect(message.recipients[0]?.status).toBe('rejected');
  });

  test('a received message with EICAR in a base64 attachment gets a FAIL virus verdict', () => {
    const ses = simulator();
    ses.putReceiptRuleSet({
      name: 'scan',
      rules: [
        {
          name: 'scan',
          enabled: true,
          recipients: [],
          scanEnabled: true,
          actions: [{ type: 'Lambda', functionArn: 'arn:aws:lambda:us-east-1:1:function:f' }],
        },
      ],
    });
    ses.setActiveReceiptRuleSet('scan');
    const record = ses.receiveEmail({ raw: utf8Encode(withAttachment(EICAR)) });
    const payload = record.actions[0]?.payload as {
      Records: Array<{ ses: { receipt: { virusVerdict: { status: string } } } }>;
    };
    expect(payload.Records[0]?.ses.receipt.virusVerdict).toEqual({ status: 'FAIL' });
  });

  test('a body keyword condition matches text sent base64-encoded', () => {
    const ses = simulator();
    ses.putReceiptRuleSet({
      name: 'words',
      rules: [
        {
          name: 'urgent',
          enabled: true,
          recipients: [],
          keyword: { text: 'urgent', scope: 'body' },
          scanEnabled: false,
          actions: [{ type: 'S3', bucketName: 'urg' }],
        },
      ],
    });
    ses.setActiveReceiptRuleSet('words');
    const raw = rawMessage(
      {
        From: 'a@customer.example',
        To: 'inbox@example.com',
        Subject: 'Hello',
        'MIME-Version': '1.0',
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Transfer-Encoding': 'base64',
      },
      encodeBase64(utf8Encode('This is urgent, señor.')),
    );
    expect(ses.receiveEmail({ raw: utf8Encode(raw) }).matchedRules).toEqual(['urgent']);
  });
});
