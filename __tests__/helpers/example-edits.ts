/** Edits of the example that several tests synthesize, as `editedExample` takes them. */
export type ExampleEdit = readonly [file: string, fragment: string | RegExp, replacement: string];

/** An organization IPAM in shared-services (the default) with a pool per prod region. */
export const PROD_FROM_IPAM: readonly ExampleEdit[] = [
  [
    "organization.yaml",
    "\ncostControls:",
    [
      "",
      "network:",
      "  ipam:",
      "    pools:",
      "      - { environment: prod, region: us-east-1, cidr: 172.16.0.0/14 }",
      "      - { environment: prod, region: us-west-2, cidr: 172.20.0.0/14 }",
      "costControls:",
    ].join("\n"),
  ],
  // prod's VPCs then draw from it instead of the explicit blocks.
  [
    "prod.yaml",
    / {2}addressing:\n {4}cidrs:\n(?: {6}.*\n)+/,
    "  addressing:\n    ipam: { netmaskLength: 20 }\n",
  ],
];

/** me-central-1, an opt-in region, governed besides the example's two. */
export const GOVERN_ME_CENTRAL_1: ExampleEdit = [
  "organization.yaml",
  "  - us-west-2\n",
  "  - us-west-2\n  - me-central-1\n",
];

/** staging-data, imported, on its way out: its baseline is held. */
export const STAGING_DATA_CLOSING: ExampleEdit = [
  "staging.yaml",
  "    ownerEmail: data-team@northwind-health.com\n",
  '    ownerEmail: data-team@northwind-health.com\n    id: "777788889999"\n    lifecycle: { state: closing, reason: Replaced by prod-data in 2026, since: 2026-11-01 }\n',
];

/** prod-analytics, imported, quarantined: its baseline is held. */
export const PROD_ANALYTICS_QUARANTINED: ExampleEdit = [
  "prod.yaml",
  "    ownerEmail: analytics-team@northwind-health.com\n",
  '    ownerEmail: analytics-team@northwind-health.com\n    id: "888899990000"\n    lifecycle: { state: quarantined, reason: Credentials leaked, since: 2026-11-29 }\n',
];
