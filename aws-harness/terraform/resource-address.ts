/** `aws_x.name[0]` and `aws_x.name` are the same resource of the configuration. */
export const withoutIndex = (address: string) => address.replace(/\[[^\]]*\]$/, "");
