/** The SNS topic the workspace sends identities' feedback notifications to. */
export function feedbackTopicArn(region: string, accountId: string): string {
  return `arn:aws:sns:${region}:${accountId}:ses-feedback`;
}
