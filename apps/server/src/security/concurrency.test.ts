import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { canTransitionNomination } from "@dapkit/training";

import { newDataDir } from "../test/data-dir";
import { callProcedure } from "../test/http-client";
import { runServer, type RunningServer } from "../test/run-server";
import { procedureTypes } from "./http-calls";

// Two server processes on one data directory, as two instances behind a load balancer (or a
// server and the CLI) would be: SQLite's locks are the only thing keeping them apart. Requests
// race through both at once.

const PASSWORD = "concurrency test password";
const dataDir = newDataDir("dapkit-race-");
let servers: [RunningServer, RunningServer];
let cookies: [string, string];

interface Trpc<T> {
  result?: { data: T };
  error?: { message: string };
}

async function call<T>(
  side: 0 | 1,
  path: string,
  input?: unknown,
): Promise<{ status: number; data: T | undefined }> {
  const response = await callProcedure(servers[side].baseUrl, path, {
    mutation: procedureTypes().get(path) === "mutation",
    cookie: cookies[side],
    ...(input === undefined ? {} : { input }),
  });
  return { status: response.status, data: (response.body as Trpc<T>).result?.data };
}

async function signIn(server: RunningServer): Promise<string> {
  const response = await callProcedure(server.baseUrl, "auth.signIn", {
    mutation: true,
    input: { email: "hr@northshire.example", password: PASSWORD },
  });
  expect(response.status, server.output()).toBe(200);
  return (response.setCookie[0] ?? "").split(";")[0] ?? "";
}

let staffIds: string[];
let courseId: string;

beforeAll(async () => {
  const first = await runServer({ DAPKIT_DATA_DIR: dataDir, DAPKIT_DEMO_PASSWORD: PASSWORD });
  const second = await runServer({ DAPKIT_DATA_DIR: dataDir, DAPKIT_DEMO: "off" });
  servers = [first, second];
  cookies = [await signIn(first), await signIn(second)];
  const staff = await call<{ items: { id: string; active: boolean }[] }>(0, "staff.list", {
    pageSize: 50,
    active: true,
  });
  staffIds = (staff.data?.items ?? []).map((item) => item.id);
  const courses = await call<{ id: string }[]>(0, "training.courses.list");
  courseId = courses.data?.[0]?.id ?? "";
  expect(staffIds.length).toBeGreaterThan(20);
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

let day = 0;
/**
 * A new session with `capacity` places and a nomination for each of `people` staff, starting next
 * year unless `startsAt` is given: the servers run on the real clock, and a session that has
 * started takes no bookings.
 */
async function sessionWith(capacity: number, people: number, startsAt?: Date): Promise<string[]> {
  day += 1;
  const date = `${new Date().getUTCFullYear() + 1}-03-${String(day).padStart(2, "0")}`;
  const start = startsAt ?? new Date(`${date}T09:00:00Z`);
  const session = await call<{ id: string }>(0, "training.sessions.create", {
    courseId,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3 * 60 * 60 * 1000).toISOString(),
    capacity,
    location: "Race room",
    trainer: "Race trainer",
  });
  const nominated = await call<{ id: string }[]>(0, "training.nominations.create", {
    sessionId: session.data?.id,
    staffIds: staffIds.slice(0, people),
  });
  return (nominated.data ?? []).map((nomination) => nomination.id);
}

describe("concurrency across two server processes", () => {
  test("two people booked at once for the last place: one gets it, the other is wait-listed", async () => {
    for (let round = 0; round < 5; round += 1) {
      const [first, second] = await sessionWith(1, 2);
      const results = await Promise.all([
        call<{ state: string }>(0, "training.nominations.book", { id: first }),
        call<{ state: string }>(1, "training.nominations.book", { id: second }),
      ]);
      expect(results.map((result) => result.status)).toEqual([200, 200]);
      expect(results.map((result) => result.data?.state).sort()).toEqual(["booked", "waitlisted"]);
    }
  });

  test("twenty bookings at once for five places, through both servers: five booked, fifteen waiting", async () => {
    const nominations = await sessionWith(5, 20);
    const results = await Promise.all(
      nominations.map((id, index) =>
        call<{ state: string; sessionId: string }>(
          (index % 2) as 0 | 1,
          "training.nominations.book",
          { id },
        ),
      ),
    );
    const states = results.map((result) => result.data?.state);
    expect(states.filter((state) => state === "booked")).toHaveLength(5);
    expect(states.filter((state) => state === "waitlisted")).toHaveLength(15);
    const session = await call<{ booked: number; waitlisted: number; placesLeft: number }>(
      1,
      "training.sessions.get",
      { id: results[0]?.data?.sessionId },
    );
    expect(session.data).toMatchObject({ booked: 5, waitlisted: 15, placesLeft: 0 });
  });

  test("attendance marked on one nomination from both servers at once keeps a consistent history", async () => {
    // Booked before it starts, marked once it has: attendance is recorded from the start.
    const startsAt = new Date(Date.now() + 3000);
    const [id] = await sessionWith(1, 1, startsAt);
    await call(0, "training.nominations.book", { id });
    await new Promise((resolve) => setTimeout(resolve, startsAt.getTime() - Date.now() + 100));
    const outcomes = ["fully_attended", "no_show", "partially_attended", "unable_to_attend"];
    const marks = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        call((index % 2) as 0 | 1, "training.attendance.mark", {
          nominationId: id,
          outcome: outcomes[index % outcomes.length],
        }),
      ),
    );
    expect(marks.map((mark) => mark.status)).toEqual(marks.map(() => 200));
    const nomination = await call<{ state: string; history: { state: string }[] }>(
      1,
      "training.nominations.get",
      { id },
    );
    const history = (nomination.data?.history ?? []).map((event) => event.state);
    // The current state is the last entry, and every entry is an allowed move from the one before.
    expect(history.at(-1)).toBe(nomination.data?.state);
    expect(history.slice(0, 2)).toEqual(["nominated", "booked"]);
    for (let index = 1; index < history.length; index += 1) {
      const [from, to] = [history[index - 1], history[index]] as [never, never];
      expect(canTransitionNomination(from, to), `${String(from)} → ${String(to)}`).toBe(true);
    }
    expect(history.length).toBeGreaterThan(3);
  });
});
