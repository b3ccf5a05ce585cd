import { Readable } from "node:stream";
import { ListRootsCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import {
  ClientPool,
  defaultClientSettings,
  describeError,
} from "../../../cli/evidence-collection/aws-access";
import type { ClientSettings } from "../../../cli/evidence-collection/aws-access";

/** An HTTP handler that answers from a script, as Organizations would, and counts the requests. */
function scriptedHandler(answers: readonly ("throttle" | "ok")[]) {
  let requests = 0;
  const response = (answer: "throttle" | "ok") =>
    answer === "throttle"
      ? {
          statusCode: 400,
          headers: { "content-type": "application/x-amz-json-1.1" },
          body: Readable.from([
            Buffer.from(
              JSON.stringify({ __type: "TooManyRequestsException", Message: "Rate exceeded" }),
            ),
          ]),
        }
      : {
          statusCode: 200,
          headers: { "content-type": "application/x-amz-json-1.1" },
          body: Readable.from([
            Buffer.from(JSON.stringify({ Roots: [{ Id: "r-abcd", Name: "Root" }] })),
          ]),
        };
  const handler = {
    handle: () => {
      const answer = answers[Math.min(requests, answers.length - 1)];
      requests += 1;
      return Promise.resolve({ response: response(answer) });
    },
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({}),
  };
  return {
    handler: handler as unknown as ClientSettings["requestHandler"],
    requests: () => requests,
  };
}

const credentials = { accessKeyId: "AKIATEST", secretAccessKey: "secret" };

test("a throttled call is retried by the SDK's own strategy, with backoff, until it succeeds", async () => {
  const { handler, requests } = scriptedHandler(["throttle", "throttle", "ok"]);
  const pool = new ClientPool(
    { ...defaultClientSettings({}), requestHandler: handler },
    credentials,
  );
  const answer = await pool.client(OrganizationsClient, "us-east-1").send(new ListRootsCommand({}));
  expect(answer.Roots?.[0].Id).toBe("r-abcd");
  expect(requests()).toBe(3);
  expect(answer.$metadata.attempts).toBe(3);
  expect(answer.$metadata.totalRetryDelay).toBeGreaterThan(0);
});

test("after its attempts the call fails with the throttling error, described in one line", async () => {
  const { handler, requests } = scriptedHandler(["throttle"]);
  const pool = new ClientPool(
    { maxAttempts: 2, retryMode: "standard", requestHandler: handler },
    credentials,
  );
  const error = await pool
    .client(OrganizationsClient, "us-east-1")
    .send(new ListRootsCommand({}))
    .catch((caught: unknown) => caught);
  expect(requests()).toBe(2);
  expect(describeError(error)).toBe("TooManyRequestsException: Rate exceeded (HTTP 400)");
});

test("AWS_MAX_ATTEMPTS and AWS_RETRY_MODE, when set, are left to the SDK", () => {
  expect(defaultClientSettings({})).toEqual({ maxAttempts: 10, retryMode: "adaptive" });
  expect(defaultClientSettings({ AWS_MAX_ATTEMPTS: "3", AWS_RETRY_MODE: "standard" })).toEqual({});
});

test("one client per service and region, reused", () => {
  const pool = new ClientPool({}, credentials);
  expect(pool.client(OrganizationsClient, "us-east-1")).toBe(
    pool.client(OrganizationsClient, "us-east-1"),
  );
  expect(pool.client(OrganizationsClient, "us-west-2")).not.toBe(
    pool.client(OrganizationsClient, "us-east-1"),
  );
});
