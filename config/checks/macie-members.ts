import type { SemanticCheck } from "./semantic-check";

/**
 * Macie enrolls every account as a member by id and email; without the management account's
 * email, the management account would silently stay outside Macie.
 */
export const checkMacieMembers: SemanticCheck = ({ organization }) => {
  if (!organization) return [];
  const { securityServices, managementAccountEmail } = organization.config;
  if (!securityServices.macie || managementAccountEmail) return [];
  return [
    {
      file: organization.file,
      path: ["managementAccountEmail"],
      message:
        "is missing, and Macie (securityServices.macie) enrolls each account, the management account included, by id and email",
      fix: "Add managementAccountEmail: the root email of the management account, or set securityServices.macie: false.",
    },
  ];
};
