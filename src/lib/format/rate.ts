/** Rates (bounce, complaint) as people read them, in the SES workspace and in Inspect alike. */

/** A rate as a percentage with enough digits to tell 0.1% from 0.05%. */
export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(rate < 0.01 ? 2 : 1)}%`;
}
