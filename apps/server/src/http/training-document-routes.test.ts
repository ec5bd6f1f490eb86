import { execFileSync } from "node:child_process";
import type { Server } from "node:http";

import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { markAttendance } from "../services/training/mark-attendance";
import { createBookings, createDepartment, createSession, createStaff } from "../test/builders";
import { callProcedure, close, listen } from "../test/http-client";
import { TEST_PASSWORD } from "../test/test-app";
import { useTwoOrganisations } from "../test/two-organisations";
import { createHttpServer } from "./create-server";
import { routes } from "./routes";
import { trainingDocumentRoutes } from "./training-document-routes";

const t = useTwoOrganisations();
let server: Server;
let baseUrl: string;

// The secret comes from DAPKIT_CERTIFICATE_SECRET, read once at start, as main.ts passes it.
async function serve(certificateSecret: string | undefined): Promise<void> {
  server = createHttpServer(
    { ...t.app.deps, certificateSecret },
    { webRoot: "/nonexistent", routes: trainingDocumentRoutes, trustProxy: false },
  );
  baseUrl = await listen(server);
}

beforeEach(async () => {
  await serve("a test secret of at least thirty-two characters");
});

afterEach(async () => {
  await close(server);
});

async function cookieOf(user: { email: string }): Promise<string> {
  const { setCookie } = await callProcedure(baseUrl, "auth.signIn", {
    mutation: true,
    input: { email: user.email, password: TEST_PASSWORD },
  });
  return (setCookie[0] ?? "").split(";")[0] ?? "";
}

async function get(path: string, user?: { email: string }) {
  const headers = user === undefined ? undefined : { cookie: await cookieOf(user) };
  const response = await fetch(`${baseUrl}${path}`, { headers });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

// The PDF's text as poppler reads it back, so the test checks what a printer would print.
function pdfText(bytes: Buffer): string {
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: bytes }).toString("utf8");
}

// A BST session (10:30am in London is 09:30Z) with Asha and Ben booked, Asha fully attended.
function heldSession() {
  const housing = createDepartment(t.hr, "Housing Options");
  const session = createSession(t.hr, {
    startsAt: "2022-08-10T09:30:00.000Z",
    endsAt: "2022-08-10T13:00:00.000Z",
    location: "Town Hall, Committee Room 2",
    trainer: "Refuge trainer",
  });
  const staffIds = ["Asha Patel", "Ben Ode"].map(
    (name) => createStaff(t.hr, { name, departmentId: housing.id }).id,
  );
  const [asha, ben] = createBookings(t.hr, { sessionId: session.id, staffIds });
  // Attendance is marked once the session has started, as the service requires.
  const afterwards = { ...t.hr, now: new Date("2022-08-10T13:30:00.000Z") };
  markAttendance(afterwards, { nominationId: asha?.id ?? "", outcome: "fully_attended", note: "" });
  return { session, asha: asha?.id ?? "", ben: ben?.id ?? "" };
}

test("the server serves these routes", () => {
  expect(routes).toEqual(expect.arrayContaining([...trainingDocumentRoutes]));
});

describe("GET /api/sessions/{id}/sign-in-sheet.pdf", () => {
  test("an A4 sheet with the session's details and every booked person, department and signature", async () => {
    const { session } = heldSession();
    const { response, bytes } = await get(
      `/api/sessions/${session.id}/sign-in-sheet.pdf`,
      t.org.users.hr,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(bytes);
    expect(text).toContain(session.courseTitle);
    expect(text).toContain("10 August 2022");
    expect(text).toContain("10:30am to 2pm");
    expect(text).toContain("Town Hall, Committee Room 2");
    expect(text).toContain("Refuge trainer");
    expect(text).toMatch(/Name\s+Department\s+Signature/);
    expect(text).toMatch(/Asha Patel\s+Housing Options/);
    expect(text).toMatch(/Ben Ode\s+Housing Options/);
    const info = execFileSync("pdfinfo", ["-"], { input: bytes }).toString();
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  test("a long list runs onto more pages, each person once", async () => {
    const session = createSession(t.hr, { capacity: 60 });
    const staffIds = Array.from(
      { length: 45 },
      (_, i) => createStaff(t.hr, { name: `Person ${String(i).padStart(2, "0")}` }).id,
    );
    createBookings(t.hr, { sessionId: session.id, staffIds });
    const { bytes } = await get(`/api/sessions/${session.id}/sign-in-sheet.pdf`, t.org.users.hr);
    const text = pdfText(bytes);
    for (let i = 0; i < 45; i += 1) {
      expect(text.split(`Person ${String(i).padStart(2, "0")}`)).toHaveLength(2);
    }
    expect(execFileSync("pdfinfo", ["-"], { input: bytes }).toString()).toMatch(/Pages:\s+[2-9]/);
  });

  test("signed out, another organisation's session, and a role without training are refused", async () => {
    const { session } = heldSession();
    const path = `/api/sessions/${session.id}/sign-in-sheet.pdf`;
    expect((await get(path)).response.status).toBe(401);
    expect((await get(path, t.other.users.hr)).response.status).toBe(404);
  });
});

describe("certificates and their verification", () => {
  test("a fully attended nomination's certificate, whose code the public page confirms", async () => {
    const { session, asha } = heldSession();
    const { response, bytes } = await get(
      `/api/nominations/${asha}/certificate.pdf`,
      t.org.users.hr,
    );
    expect(response.status).toBe(200);
    const text = pdfText(bytes);
    expect(text).toContain("Asha Patel");
    expect(text).toContain(session.courseTitle);
    expect(text).toMatch(/Level\s+1/);
    expect(text).toMatch(/Date\s+10 August 2022/);
    expect(text).toMatch(/Duration\s+3 hours 30 minutes/);
    const code = /Verification code\s+(\S+)/.exec(text)?.[1] ?? "";
    expect(code.startsWith(`${asha}.`)).toBe(true);

    const verified = await get(`/verify/${encodeURIComponent(code)}`);
    expect(verified.response.status).toBe(200);
    const page = verified.bytes.toString("utf8");
    expect(page).toContain("This certificate is genuine");
    expect(page).toContain("Asha Patel");
    expect(page).toContain("10 August 2022");
    // Name, course and date only: nothing about the department or the person's history.
    expect(page).not.toContain("Housing Options");
  });

  test("a forged, altered or other person's code is not genuine", async () => {
    const { asha, ben } = heldSession();
    const { bytes } = await get(`/api/nominations/${asha}/certificate.pdf`, t.org.users.hr);
    const code = /Verification code\s+(\S+)/.exec(pdfText(bytes))?.[1] ?? "";
    const mac = code.slice(code.indexOf(".") + 1);
    for (const forged of [
      `${ben}.${mac}`,
      `${asha}.${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`,
      asha,
      "nothing",
    ]) {
      const answer = await get(`/verify/${encodeURIComponent(forged)}`);
      expect(answer.response.status).toBe(404);
      expect(answer.bytes.toString("utf8")).toContain("This certificate is not genuine");
    }
  });

  test("no certificate for a session not fully attended, for another organisation, or without a secret", async () => {
    const { asha, ben } = heldSession();
    const notAttended = await get(`/api/nominations/${ben}/certificate.pdf`, t.org.users.hr);
    expect(notAttended.response.status).toBe(409);
    expect(notAttended.bytes.toString()).toContain(
      "A certificate is given only for a session fully attended",
    );
    expect(
      (await get(`/api/nominations/${asha}/certificate.pdf`, t.other.users.hr)).response.status,
    ).toBe(404);
    expect((await get(`/api/nominations/${asha}/certificate.pdf`)).response.status).toBe(401);
    await close(server);
    await serve(undefined);
    const off = await get(`/api/nominations/${asha}/certificate.pdf`, t.org.users.hr);
    expect(off.response.status).toBe(409);
    expect(off.bytes.toString()).toContain("set DAPKIT_CERTIFICATE_SECRET");
  });
});
