/**
 * Who may do what under one resource policy (a key, trust, topic or bucket policy), decided by
 * an independent IAM policy evaluator (@cloud-copilot/iam-simulate, AGPL, a dev dependency used
 * only in tests) rather than by reading the JSON.
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";

export interface PolicyRequest {
  /** An IAM principal's ARN, or a service principal such as cloudtrail.amazonaws.com. */
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** The account the resource belongs to. */
  readonly resourceAccount: string;
  readonly context?: Record<string, string | string[]>;
}

const allowEverything = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
};

/**
 * The decision for a request under `resourcePolicy`. An IAM principal's own policies allow
 * everything, so the resource policy decides; a service principal has none. A context key the
 * evaluator doesn't know for the action fails the call, since it would be silently dropped and
 * a denial would prove nothing.
 */
export async function decideUnder(resourcePolicy: object, request: PolicyRequest): Promise<string> {
  const isService = request.principal.endsWith(".amazonaws.com");
  const result = await runSimulation(
    {
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: request.resource, accountId: request.resourceAccount },
        contextVariables: {
          ...(isService ? {} : { "aws:PrincipalArn": request.principal }),
          ...request.context,
        },
      },
      identityPolicies: isService ? [] : [{ name: "administrator", policy: allowEverything }],
      resourcePolicy,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
  if (result.resultType === "error") throw new Error(JSON.stringify(result.errors));
  if (result.resultType === "single" && result.result.ignoredContextKeys?.length)
    throw new Error(
      `the evaluator ignores ${result.result.ignoredContextKeys.join(", ")} for ${request.action}`,
    );
  return result.overallResult;
}

/**
 * The decision for a request by a principal whose only policy is `identityPolicy`, on a resource
 * of its own account with no resource policy: what the identity policy alone allows.
 */
export async function decideByIdentity(
  identityPolicy: object,
  request: Omit<PolicyRequest, "resourceAccount">,
): Promise<string> {
  const principalAccount = /^arn:[^:]+:iam::(\d{12}):/.exec(request.principal)?.[1];
  if (!principalAccount) throw new Error(`not an IAM principal ARN: ${request.principal}`);
  const result = await runSimulation(
    {
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: request.resource, accountId: principalAccount },
        contextVariables: { "aws:PrincipalArn": request.principal, ...request.context },
      },
      identityPolicies: [{ name: "identity", policy: identityPolicy }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
  if (result.resultType === "error") throw new Error(JSON.stringify(result.errors));
  if (result.resultType === "single" && result.result.ignoredContextKeys?.length)
    throw new Error(
      `the evaluator ignores ${result.result.ignoredContextKeys.join(", ")} for ${request.action}`,
    );
  return result.overallResult;
}
