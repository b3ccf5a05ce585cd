import { defineControl } from "../../compliance/controls/control";

export const PERMISSION_SET_CONTROL = defineControl({
  id: "identity-center-permission-sets",
  description:
    "People reach accounts only through Identity Center permission sets with bounded sessions; administrator-level sets are marked privileged and justified",
  criteria: ["CC6.1", "CC6.3"],
});

export const ACCESS_ASSIGNMENT_CONTROL = defineControl({
  id: "identity-center-assignments",
  description:
    "Access is granted to groups, never to individuals, by permission set and account, from reviewed config; the access matrix is the quarterly review record",
  criteria: ["CC6.1", "CC6.2", "CC6.3"],
});
