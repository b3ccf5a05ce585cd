/**
 * The GitHub environment that gates applying the landing zone's shared stacks. The apply workflow
 * runs those stacks in it, and the apply role trusts it.
 */
export const SHARED_DEPLOY_ENVIRONMENT = "landing-zone";

/**
 * The GitHub environment the evidence workflow runs in; the evidence role trusts it alone. No
 * landing-zone environment may take this name, or its applies would run where the evidence role
 * may be assumed, and the evidence workflow where the apply role may.
 */
export const EVIDENCE_ENVIRONMENT = "evidence";
