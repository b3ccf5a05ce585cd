/** The IAM policy grammar the landing zone writes, typed so builders can't misspell a key. */
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

/** Minified, because AWS counts policy size by the characters submitted. */
export function renderPolicy(document: PolicyDocument): string {
  return JSON.stringify(document);
}
