/**
 * How the simulator marks text it made up. SES's own error messages and notification texts are
 * reproduced as SES writes them (reference/ses-facts.md); where SES documents no wording, or where a
 * rule is the simulator's own choice, the text says so, so that nobody takes it for SES's.
 */

/** Appended to a message whose wording is the simulator's, because SES documents none. */
export const SIMULATOR_WORDING = " (the simulator's wording: SES documents none)";

/** Appended to a rule or figure the simulator chose where SES publishes none. */
export const SIMULATED_RULE = ' (simulated: SES does not publish this rule)';
