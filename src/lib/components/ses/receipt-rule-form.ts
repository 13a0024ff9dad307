/**
 * The receipt-rule form's fields and the rule they make: conditions, then the actions in the
 * order SES runs them when a rule has several (add header, store, notify, bounce, stop).
 */
import type { KeywordScope, ReceiptAction, ReceiptRule } from '../../ses/index.ts';

/** The form's fields, as typed. */
export interface ReceiptRuleFields {
  name: string;
  recipients: string;
  keyword: string;
  keywordScope: KeywordScope;
  scanEnabled: boolean;
  addHeader: boolean;
  headerName: string;
  headerValue: string;
  store: boolean;
  bucketName: string;
  notify: boolean;
  topicArn: string;
  encoding: 'UTF-8' | 'Base64';
  lambda: boolean;
  functionArn: string;
  bounce: boolean;
  smtpReplyCode: string;
  statusCode: string;
  bounceMessage: string;
  bounceSender: string;
  stop: boolean;
}

/** A new rule's fields: store and notify every recipient on a verified domain. */
export function emptyReceiptRuleFields(): ReceiptRuleFields {
  return {
    name: '',
    recipients: '',
    keyword: '',
    keywordScope: 'subject-or-body',
    scanEnabled: true,
    addHeader: false,
    headerName: 'X-Received-By-Rule',
    headerValue: 'yes',
    store: true,
    bucketName: 'inbound-mail',
    notify: true,
    topicArn: 'arn:aws:sns:us-east-1:123456789012:inbound',
    encoding: 'UTF-8',
    lambda: false,
    functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:inbound',
    bounce: false,
    smtpReplyCode: '550',
    statusCode: '5.1.1',
    bounceMessage: 'Mailbox does not exist',
    bounceSender: '',
    stop: false,
  };
}

/** The rule the fields describe (the simulator checks it when the rule set is saved). */
export function receiptRuleFromFields(fields: ReceiptRuleFields): ReceiptRule {
  const actions: ReceiptAction[] = [];
  if (fields.addHeader) {
    actions.push({
      type: 'AddHeader',
      headerName: fields.headerName.trim(),
      headerValue: fields.headerValue,
    });
  }
  if (fields.store) actions.push({ type: 'S3', bucketName: fields.bucketName.trim() });
  if (fields.notify) {
    actions.push({ type: 'SNS', topicArn: fields.topicArn.trim(), encoding: fields.encoding });
  }
  if (fields.lambda) {
    actions.push({
      type: 'Lambda',
      functionArn: fields.functionArn.trim(),
      invocationType: 'Event',
    });
  }
  if (fields.bounce) {
    actions.push({
      type: 'Bounce',
      smtpReplyCode: fields.smtpReplyCode.trim(),
      ...(fields.statusCode.trim() ? { statusCode: fields.statusCode.trim() } : {}),
      message: fields.bounceMessage,
      sender: fields.bounceSender.trim(),
    });
  }
  if (fields.stop) actions.push({ type: 'Stop', scope: 'RuleSet' });
  return {
    name: fields.name.trim(),
    enabled: true,
    recipients: fields.recipients
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean),
    ...(fields.keyword.trim()
      ? { keyword: { text: fields.keyword.trim(), scope: fields.keywordScope } }
      : {}),
    scanEnabled: fields.scanEnabled,
    actions,
  };
}

/** An action in words: `S3 → inbound-mail`, `Bounce 550 5.1.1`. */
export function describeAction(action: ReceiptAction): string {
  switch (action.type) {
    case 'S3':
      return `S3 → ${action.bucketName}${action.objectKeyPrefix ?? ''}`;
    case 'SNS':
      return `SNS → ${action.topicArn}`;
    case 'Lambda':
      return `Lambda → ${action.functionArn}`;
    case 'Bounce':
      return `Bounce ${action.smtpReplyCode}${action.statusCode ? ` ${action.statusCode}` : ''}`;
    case 'AddHeader':
      return `Add header ${action.headerName}: ${action.headerValue}`;
    case 'Stop':
      return 'Stop rule set';
  }
}
