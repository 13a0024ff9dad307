/**
 * The SES request shapes of the SES fact sheet (§1.3 SendRawEmail, §1.4 v2 SendEmail), as checks
 * on parsed JSON: which members exist, which are required, and their types. Blob members must be
 * base64. Returns the problems found, empty when the value has the shape.
 */

type Check = (value: unknown, path: string, problems: string[]) => void;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const string: Check = (value, path, problems) => {
  if (typeof value !== 'string') problems.push(`${path} is not a string`);
};
const base64: Check = (value, path, problems) => {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4) {
    problems.push(`${path} is not base64`);
  }
};
const oneOf =
  (...allowed: string[]): Check =>
  (value, path, problems) => {
    if (typeof value !== 'string' || !allowed.includes(value))
      problems.push(`${path} is ${String(value)}`);
  };
const list =
  (item: Check): Check =>
  (value, path, problems) => {
    if (!Array.isArray(value)) return void problems.push(`${path} is not a list`);
    value.forEach((entry, i) => item(entry, `${path}[${i}]`, problems));
  };
const shape =
  (members: Record<string, Check>, required: string[] = []): Check =>
  (value, path, problems) => {
    if (!isObject(value)) return void problems.push(`${path} is not an object`);
    for (const name of required) if (!(name in value)) problems.push(`${path}.${name} is missing`);
    for (const [name, member] of Object.entries(value)) {
      const check = members[name];
      if (!check) problems.push(`${path}.${name} is not a member`);
      else check(member, `${path}.${name}`, problems);
    }
  };

const content = shape({ Data: string, Charset: string }, ['Data']);
const destination = shape({
  ToAddresses: list(string),
  CcAddresses: list(string),
  BccAddresses: list(string),
});
const tag = shape({ Name: string, Value: string }, ['Name', 'Value']);
const header: Check = (value, path, problems) => {
  shape({ Name: string, Value: string }, ['Name', 'Value'])(value, path, problems);
  if (!isObject(value)) return;
  if (typeof value.Name === 'string' && !/^[!-9;-@A-~]{1,126}$/.test(value.Name)) {
    problems.push(`${path}.Name has characters SES refuses`);
  }
  if (typeof value.Value === 'string' && !/^[ -~]{1,995}$/.test(value.Value)) {
    problems.push(`${path}.Value has characters SES refuses`);
  }
};
const attachment = shape(
  {
    RawContent: base64,
    FileName: string,
    ContentDisposition: oneOf('ATTACHMENT', 'INLINE'),
    ContentDescription: string,
    ContentId: string,
    ContentTransferEncoding: oneOf('BASE64', 'QUOTED_PRINTABLE', 'SEVEN_BIT'),
    ContentType: string,
  },
  ['RawContent', 'FileName'],
);
const simple: Check = (value, path, problems) => {
  shape(
    {
      Subject: content,
      Body: shape({ Text: content, Html: content }),
      Headers: list(header),
      Attachments: list(attachment),
    },
    ['Subject', 'Body'],
  )(value, path, problems);
  if (isObject(value) && Array.isArray(value.Headers) && value.Headers.length > 15) {
    problems.push(`${path}.Headers has more than 15 headers`);
  }
};
const template = shape({
  TemplateName: string,
  TemplateArn: string,
  TemplateContent: shape({ Subject: string, Text: string, Html: string }),
  TemplateData: string,
  Headers: list(header),
  Attachments: list(attachment),
});
const emailContent: Check = (value, path, problems) => {
  shape({ Simple: simple, Raw: shape({ Data: base64 }, ['Data']), Template: template })(
    value,
    path,
    problems,
  );
  if (isObject(value) && Object.keys(value).length !== 1) {
    problems.push(`${path} must have exactly one of Simple, Raw, Template`);
  }
};

/** SES v2 `SendEmail` (fact sheet §1.4). */
export const sendEmailV2 = shape(
  {
    FromEmailAddress: string,
    FromEmailAddressIdentityArn: string,
    Destination: destination,
    ReplyToAddresses: list(string),
    FeedbackForwardingEmailAddress: string,
    FeedbackForwardingEmailAddressIdentityArn: string,
    Content: emailContent,
    EmailTags: list(tag),
    ConfigurationSetName: string,
    ListManagementOptions: shape({ ContactListName: string, TopicName: string }, [
      'ContactListName',
    ]),
    EndpointId: string,
    TenantName: string,
  },
  ['Content'],
);

/** SES v1 `SendRawEmail` (fact sheet §1.3). */
export const sendRawEmailV1 = shape(
  {
    RawMessage: shape({ Data: base64 }, ['Data']),
    Source: string,
    Destinations: list(string),
    FromArn: string,
    SourceArn: string,
    ReturnPathArn: string,
    Tags: list(tag),
    ConfigurationSetName: string,
  },
  ['RawMessage'],
);

/** The problems of `value` against `check`; empty when it conforms. */
export function problemsOf(check: Check, value: unknown): string[] {
  const problems: string[] = [];
  check(value, '$', problems);
  return problems;
}
