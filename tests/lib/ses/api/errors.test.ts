import { describe, expect, test } from 'vitest';
import {
  configurationSetDoesNotExistError,
  dailyQuotaError,
  invalidParameterError,
  maxSendRateError,
  notVerifiedError,
  SesError,
} from '../../../../src/lib/ses/index.ts';

describe('SES errors', () => {
  test('carry the v2 code, HTTP status, v1 code and SMTP reply', () => {
    const error = notVerifiedError('us-west-2', ['a@x.example', 'B <b@y.example>']);
    expect(error).toBeInstanceOf(SesError);
    expect(error).toBeInstanceOf(Error);
    expect({
      code: error.code,
      statusCode: error.statusCode,
      v1Code: error.v1Code,
      name: error.name,
    }).toEqual({
      code: 'MessageRejected',
      statusCode: 400,
      v1Code: 'MessageRejected',
      name: 'SesError',
    });
    expect(error.message).toBe(
      'Email address is not verified. The following identities failed the check in region US-WEST-2: a@x.example, B <b@y.example>',
    );
    expect(error.smtpReply).toBe(`554 Message rejected: ${error.message}`);
    expect(JSON.stringify(error)).toBe(JSON.stringify({ message: error.message }));
  });

  test('a long list of failed identities ends with an ellipsis', () => {
    const many = Array.from({ length: 12 }, (_, i) => `u${i}@x.example`);
    expect(notVerifiedError('us-east-1', many).message).toMatch(/u9@x\.example\.\.\.$/);
  });

  test('throttling, parameters and configuration sets', () => {
    expect([maxSendRateError().statusCode, maxSendRateError().v1Code]).toEqual([429, 'Throttling']);
    expect(dailyQuotaError().message).toBe('Daily message quota exceeded.');
    expect(invalidParameterError('Recipient count exceeds 50.').smtpReply).toBe(
      '554 Transaction failed: Recipient count exceeds 50.',
    );
    expect(configurationSetDoesNotExistError('X').statusCode).toBe(404);
  });
});
