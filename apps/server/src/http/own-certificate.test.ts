import { execFileSync } from "node:child_process";
import type { Server } from "node:http";

import { afterEach, beforeEach, expect, test } from "vitest";

import type { SessionUser } from "../auth/session-user";
import { markAttendance } from "../services/training/mark-attendance";
import { createBookings, createSession, createStaff, linkManager } from "../test/builders";
import { callProcedure, close, listen } from "../test/http-client";
import { TEST_PASSWORD } from "../test/test-app";
import { useTwoOrganisations } from "../test/two-organisations";
import { createHttpServer } from "./create-server";
import { trainingDocumentRoutes } from "./training-document-routes";

// My training links each fully attended session to its certificate. A manager's visible staff are
// their team, not themselves, so the route must also serve the signed-in person's own nomination,
// and still nobody else's outside their team.
const t = useTwoOrganisations();
let server: Server;
let baseUrl: string;

beforeEach(async () => {
  server = createHttpServer(
    { ...t.app.deps, certificateSecret: "a test secret of at least thirty-two characters" },
    { webRoot: "/nonexistent", routes: trainingDocumentRoutes, trustProxy: false },
  );
  baseUrl = await listen(server);
});

afterEach(async () => {
  await close(server);
});

async function certificate(nominationId: string, user: SessionUser) {
  const { setCookie } = await callProcedure(baseUrl, "auth.signIn", {
    mutation: true,
    input: { email: user.email, password: TEST_PASSWORD },
  });
  const cookie = (setCookie[0] ?? "").split(";")[0] ?? "";
  const response = await fetch(`${baseUrl}/api/nominations/${nominationId}/certificate.pdf`, {
    headers: { cookie },
  });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

// Mo (the manager user's own record) and Kit, a manager in another team, both fully attended.
function attended() {
  const mo = createStaff(t.hr, { name: "Mo Boss" });
  const kit = createStaff(t.hr, { name: "Kit Other" });
  const session = createSession(t.hr);
  const [moPlace, kitPlace] = createBookings(t.hr, {
    sessionId: session.id,
    staffIds: [mo.id, kit.id],
  });
  const afterwards = { ...t.hr, now: new Date("2022-05-10T12:30:00.000Z") };
  for (const place of [moPlace, kitPlace]) {
    markAttendance(afterwards, {
      nominationId: place?.id ?? "",
      outcome: "fully_attended",
      note: "",
    });
  }
  const manager = linkManager(t.hr, t.org.users.manager, mo.id);
  return { manager, mine: moPlace?.id ?? "", colleagues: kitPlace?.id ?? "" };
}

test("a manager downloads their own certificate", async () => {
  const { manager, mine } = attended();
  const { status, bytes } = await certificate(mine, manager);
  expect(status).toBe(200);
  const text = execFileSync("pdftotext", ["-", "-"], { input: bytes }).toString("utf8");
  expect(text).toContain("Mo Boss");
});

test("a manager still cannot download the certificate of someone outside their team", async () => {
  const { manager, colleagues } = attended();
  expect((await certificate(colleagues, manager)).status).toBe(404);
  expect((await certificate(colleagues, t.other.users.hr)).status).toBe(404);
});
