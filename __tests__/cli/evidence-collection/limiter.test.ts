import { Limiter } from "../../../cli/evidence-collection/limiter";

test("runs at most its limit of tasks at once, and every task", async () => {
  const limiter = new Limiter(3);
  let running = 0;
  let most = 0;
  const done = await Promise.all(
    Array.from({ length: 20 }, (_, index) =>
      limiter.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, index % 3));
        running -= 1;
        return index;
      }),
    ),
  );
  expect(most).toBe(3);
  expect(done).toEqual(Array.from({ length: 20 }, (_, index) => index));
});

test("a failed task frees its slot", async () => {
  const limiter = new Limiter(1);
  await expect(limiter.run(() => Promise.reject(new Error("no")))).rejects.toThrow("no");
  await expect(limiter.run(() => Promise.resolve("next"))).resolves.toBe("next");
});
