// The floor: a one-resource cdktf app, run by plain node. Every synth is reported as a multiple of it.
const { App, TerraformStack } = require("cdktf");
const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");
const { S3Bucket } = require("@cdktf/provider-aws/lib/s3-bucket");

const app = new App({ outdir: process.env.CDKTF_OUTDIR });
const stack = new TerraformStack(app, "floor");
new AwsProvider(stack, "aws", { region: "us-east-1" });
new S3Bucket(stack, "bucket", { bucket: "floor" });
app.synth();
