/**
 * The GitHub environment that gates applying the landing zone's shared stacks. The apply workflow
 * runs those stacks in it, and the apply role trusts it.
 */
export const SHARED_DEPLOY_ENVIRONMENT = "landing-zone";
