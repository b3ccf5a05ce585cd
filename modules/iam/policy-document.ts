/**
 * The IAM policy grammar the landing zone writes, typed by kind so builders can't misspell a
 * key or put one where IAM refuses it. Permission policies (identity, resource, key, SCP, RCP)
 * say what they cover with Resource; a role's trust policy says who may assume the role and has
 * no Resource at all.
 */
export type ConditionBlock = Record<
  string,
  Record<string, string | boolean | number | readonly string[]>
>;

export type Principal =
  | "*"
  | {
      readonly AWS?: string | readonly string[];
      readonly Service?: string | readonly string[];
      readonly Federated?: string;
    };

/** A statement of a permission policy: identity, resource (bucket, key, topic, vault), SCP or RCP. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: Principal;
  readonly Action?: string | readonly string[];
  /** Everything but these actions: how region denials exempt global services. */
  readonly NotAction?: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: ConditionBlock;
}

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly PolicyStatement[];
}

export function policyDocument(...statements: PolicyStatement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

/** The STS actions a trust policy grants: sts:AssumeRole, sts:AssumeRoleWithWebIdentity, sts:TagSession... */
export type TrustPolicyAction = `sts:${string}`;

/**
 * A statement of a role's trust (assume-role) policy: who may assume the role, and when. The
 * role is the resource, so IAM refuses Resource and NotResource here
 * (`MalformedPolicyDocument: Has prohibited field Resource`).
 */
export interface TrustPolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal: Principal;
  readonly Action: TrustPolicyAction | readonly TrustPolicyAction[];
  readonly Condition?: ConditionBlock;
  readonly Resource?: never;
  readonly NotResource?: never;
}

export interface TrustPolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly TrustPolicyStatement[];
}

/** A role's trust policy. Also refuses Resource at run time, for values the types didn't see. */
export function trustPolicy(...statements: TrustPolicyStatement[]): TrustPolicyDocument {
  for (const statement of statements) {
    const prohibited = (["Resource", "NotResource"] as const).filter(
      (key) => statement[key] !== undefined,
    );
    if (prohibited.length > 0)
      throw new Error(
        `Trust policy statement ${statement.Sid} has ${prohibited.join(" and ")}, which IAM refuses in a trust policy; remove it (the role itself is the resource)`,
      );
  }
  return { Version: "2012-10-17", Statement: statements };
}

/** Minified, because AWS counts policy size by the characters submitted. */
export function renderPolicy(document: PolicyDocument | TrustPolicyDocument): string {
  return JSON.stringify(document);
}
