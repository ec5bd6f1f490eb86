import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";

import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { CSRF_HEADER } from "@dapkit/contract";

import { SESSION_COOKIE } from "../auth/cookie";
import { createSession } from "../auth/session-store";
import type { SessionUser } from "../auth/session-user";
import { auditLog, evidenceRevisions } from "../db/schema";
import { evidenceInput, PDF_BYTES } from "../services/evidence/evidence-fixtures";
import { officeFile } from "@dapkit/tooling/office-files";
import { MAX_EVIDENCE_FILE_BYTES } from "../services/evidence/upload-policy";
import { close, listen } from "../test/http-client";
import { createTestApp, type TestApp, type TestOrganisation } from "../test/test-app";
import { createHttpServer } from "./create-server";
import { evidenceRoutes } from "./evidence-routes";

let app: TestApp;
let org: TestOrganisation;
let other: TestOrganisation;
let server: Server;
let baseUrl: string;

beforeEach(async () => {
  app = createTestApp();
  org = await app.createOrganisation("Northshire");
  other = await app.createOrganisation("Southshire");
  server = createHttpServer(app.deps, {
    webRoot: "/nonexistent",
    routes: evidenceRoutes,
    trustProxy: false,
  });
  baseUrl = await listen(server);
});

afterEach(async () => {
  await close(server);
});

/** The headers of a browser signed in as `user` (or signed out), CSRF header included. */
function as(user: SessionUser | null): Record<string, string> {
  const headers: Record<string, string> = { [CSRF_HEADER]: "1" };
  if (user != null) {
    const { token } = createSession(app.db, user, app.clock.now);
    headers.cookie = `${SESSION_COOKIE}=${token}`;
  }
  return headers;
}

function lead() {
  return app.caller(org.users.accreditation_lead);
}

function upload(
  evidenceId: string,
  options: {
    user?: SessionUser | null;
    name?: string;
    rawName?: string;
    type?: string;
    body?: Uint8Array;
  } = {},
) {
  const user = options.user === undefined ? org.users.accreditation_lead : options.user;
  return fetch(`${baseUrl}/api/evidence/${evidenceId}/revisions`, {
    method: "POST",
    headers: {
      "content-type": options.type ?? "application/pdf",
      "x-file-name":
        options.rawName ?? encodeURIComponent(options.name ?? "Resident DA policy.pdf"),
      ...as(user),
    },
    body: options.body ?? PDF_BYTES,
  });
}

function get(path: string, user: SessionUser | null = org.users.viewer) {
  return fetch(`${baseUrl}${path}`, { headers: as(user) });
}

function storedFiles(): string[] {
  const root = app.deps.files.root;
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

describe("POST /api/evidence/:id/revisions", () => {
  test("stores the file by its sha256 as the next revision and audits its metadata only", async () => {
    const item = await lead().evidence.create(evidenceInput());
    const first = await upload(item.id);
    expect(first.status).toBe(201);
    const revision = (await first.json()) as Record<string, unknown>;
    expect(revision).toMatchObject({
      evidenceId: item.id,
      revision: 1,
      fileName: "Resident DA policy.pdf",
      mediaType: "application/pdf",
      sizeBytes: PDF_BYTES.length,
      uploadedBy: org.users.accreditation_lead.id,
    });
    expect(app.deps.files.has(String(revision.sha256))).toBe(true);
    const second = await upload(item.id, { body: Buffer.from("%PDF-1.7 v2") });
    expect(await second.json()).toMatchObject({ revision: 2 });
    const audit = app.db
      .select()
      .from(auditLog)
      .all()
      .filter((row) => row.action === "upload");
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain("%PDF");
  });

  test("keeps a safe display name: no path, no control characters, a matching extension", async () => {
    const item = await lead().evidence.create(evidenceInput());
    const response = await upload(item.id, {
      name: "../../etc/\u0000pass\u202ewd",
      type: "text/plain; charset=utf-8",
      body: Buffer.from("plain notes"),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      fileName: "passwd.txt",
      mediaType: "text/plain",
    });
  });

  test("refuses files over 20 MB with 413 and leaves nothing behind", async () => {
    const item = await lead().evidence.create(evidenceInput());
    const body = new Uint8Array(MAX_EVIDENCE_FILE_BYTES + 1);
    body.set(PDF_BYTES);
    const response = await upload(item.id, { body });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: "payload_too_large",
        message: "The file is larger than the limit of 20 MB",
        field: "file",
      },
    });
    expect(storedFiles()).toEqual([]);
    expect(app.db.select().from(evidenceRevisions).all()).toEqual([]);
  });

  test("refuses a body that grows past the limit without declaring its length", async () => {
    const item = await lead().evidence.create(evidenceInput());
    const chunk = new Uint8Array(1024 * 1024);
    chunk.set(PDF_BYTES);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_EVIDENCE_FILE_BYTES) controller.close();
        else controller.enqueue(sent === 0 ? chunk : new Uint8Array(1024 * 1024));
        sent += chunk.length;
      },
    });
    const response = await fetch(`${baseUrl}/api/evidence/${item.id}/revisions`, {
      method: "POST",
      headers: {
        "content-type": "application/pdf",
        "x-file-name": "big.pdf",
        ...as(org.users.accreditation_lead),
      },
      body,
      duplex: "half",
    });
    expect(response.status).toBe(413);
    expect(storedFiles()).toEqual([]);
  });

  test("keeps to the organisation's own lower limit, and to the other's higher one", async () => {
    await app.caller(org.users.admin).organisation.settings.update({ maxEvidenceFileMegabytes: 1 });
    const item = await lead().evidence.create(evidenceInput());
    const body = new Uint8Array(1024 * 1024 + 1);
    body.set(PDF_BYTES);
    const refused = await upload(item.id, { body });
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({
      error: { message: "The file is larger than the limit of 1 MB", field: "file" },
    });
    expect(storedFiles()).toEqual([]);
    const fits = await upload(item.id, { body: body.subarray(0, 1024 * 1024) });
    expect(fits.status).toBe(201);

    const theirs = await app
      .caller(other.users.accreditation_lead)
      .evidence.create(evidenceInput());
    const response = await fetch(`${baseUrl}/api/evidence/${theirs.id}/revisions`, {
      method: "POST",
      headers: {
        "content-type": "application/pdf",
        "x-file-name": "big.pdf",
        ...as(other.users.accreditation_lead),
      },
      body,
    });
    expect(response.status).toBe(201);
  });

  test("an organisation's limit is whole megabytes up to the service's 20 MB", async () => {
    const settings = app.caller(org.users.admin).organisation.settings;
    for (const bad of [0, 21, 2.5]) {
      await expect(settings.update({ maxEvidenceFileMegabytes: bad })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    expect((await settings.get()).maxEvidenceFileMegabytes).toBe(20);
  });

  test("refuses HTML, SVG, scripts and mismatched contents with 415", async () => {
    const item = await lead().evidence.create(evidenceInput());
    for (const type of ["text/html", "image/svg+xml", "application/javascript", ""]) {
      const response = await upload(item.id, { type, body: Buffer.from("<svg onload=alert(1)>") });
      expect(response.status).toBe(415);
    }
    const fakePdf = await upload(item.id, { body: Buffer.from("<html><script>x</script>") });
    expect(fakePdf.status).toBe(415);
    expect(await fakePdf.json()).toMatchObject({
      error: {
        code: "unsupported_media_type",
        message: expect.stringMatching(
          /^The file must be a PDF, Word, Excel, PowerPoint/,
        ) as unknown,
      },
    });
    const htmlAsText = await upload(item.id, {
      type: "text/plain",
      body: Buffer.from("  <!DOCTYPE html><p>hi"),
    });
    expect(htmlAsText.status).toBe(415);
    expect(storedFiles()).toEqual([]);
  });

  test("accepts a PowerPoint file and refuses a macro-enabled Word file, keeping none of it", async () => {
    const item = await lead().evidence.create(evidenceInput());
    const pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    const slides = await upload(item.id, {
      name: "Awareness training.pptx",
      type: pptx,
      body: officeFile("pptx"),
    });
    expect(slides.status).toBe(201);
    expect(await slides.json()).toMatchObject({
      fileName: "Awareness training.pptx",
      mediaType: pptx,
    });
    const before = storedFiles();
    const macros = await upload(item.id, {
      name: "Policy.docm",
      type: "application/vnd.ms-word.document.macroEnabled.12",
      body: officeFile("docm"),
    });
    expect(macros.status).toBe(415);
    expect(await macros.json()).toMatchObject({
      error: {
        field: "file",
        message: expect.stringMatching(/^The file contains macros/) as unknown,
      },
    });
    expect(storedFiles()).toEqual(before);
    expect(app.db.select().from(evidenceRevisions).all()).toHaveLength(1);
  });

  test("refuses an empty file and a missing name with 400", async () => {
    const item = await lead().evidence.create(evidenceInput());
    const empty = await upload(item.id, { body: new Uint8Array(0) });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({
      error: { message: "The file is empty", field: "file" },
    });
    const unnamed = await fetch(`${baseUrl}/api/evidence/${item.id}/revisions`, {
      method: "POST",
      headers: { "content-type": "application/pdf", ...as(org.users.admin) },
      body: PDF_BYTES,
    });
    expect(unnamed.status).toBe(400);
    expect(await unnamed.json()).toMatchObject({ error: { field: "fileName" } });
    const badlyEncoded = await upload(item.id, { rawName: "%E0%A4%A" });
    expect(badlyEncoded.status).toBe(400);
    expect(app.db.select().from(evidenceRevisions).all()).toEqual([]);
  });

  test("refuses the signed out (401), other roles (403) and other organisations (404)", async () => {
    const item = await lead().evidence.create(evidenceInput());
    expect((await upload(item.id, { user: null })).status).toBe(401);
    expect((await upload(item.id, { user: org.users.hr })).status).toBe(403);
    expect((await upload(item.id, { user: org.users.viewer })).status).toBe(403);
    const outsider = await upload(item.id, { user: other.users.accreditation_lead });
    expect(outsider.status).toBe(404);
    expect(await outsider.json()).toEqual({
      error: { code: "not_found", message: "Evidence not found", field: null },
    });
    expect(app.db.select().from(evidenceRevisions).all()).toEqual([]);
  });

  test("refuses new files once the item is in review", async () => {
    const item = await lead().evidence.create(evidenceInput());
    await upload(item.id);
    await lead().evidence.transition({ id: item.id, to: "in_review" });
    const response = await upload(item.id);
    expect(response.status).toBe(409);
    expect(app.db.select().from(evidenceRevisions).all()).toHaveLength(1);
  });
});

describe("GET /api/evidence/revisions/:revisionId/file", () => {
  async function uploaded(name: string) {
    const item = await lead().evidence.create(evidenceInput());
    const response = await upload(item.id, { name });
    return (await response.json()) as { id: string };
  }

  test("sends the file as an attachment, never to be shown inline", async () => {
    const revision = await uploaded("Politique résidents «2021».pdf");
    const response = await get(`/api/evidence/revisions/${revision.id}/file`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"Politique r_sidents _2021_.pdf\"; filename*=UTF-8''Politique%20r%C3%A9sidents%20%C2%AB2021%C2%BB.pdf",
    );
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF_BYTES);
  });

  test("refuses the signed out, managers and other organisations", async () => {
    const revision = await uploaded("policy.pdf");
    const path = `/api/evidence/revisions/${revision.id}/file`;
    expect((await get(path, null)).status).toBe(401);
    expect((await get(path, org.users.manager)).status).toBe(403);
    const outsider = await get(path, other.users.admin);
    expect(outsider.status).toBe(404);
    expect(await outsider.text()).not.toContain("%PDF");
  });
});

describe("GET /api/evidence/pack.zip", () => {
  async function fetchPack(user: SessionUser = org.users.viewer, query = "") {
    const response = await get(`/api/evidence/pack.zip${query}`, user);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toContain(
      'attachment; filename="evidence-pack-2022-04-05.zip"',
    );
    return unzipSync(new Uint8Array(await response.arrayBuffer()));
  }

  test("holds an index, a CSV and the newest file of each item, with clashing names kept apart", async () => {
    const policy = await lead().evidence.create(
      evidenceInput({ title: "Policy <script>alert(1)</script>" }),
    );
    await upload(policy.id, { name: "policy.pdf", body: Buffer.from("%PDF-1 old") });
    await upload(policy.id, { name: "policy.pdf", body: Buffer.from("%PDF-2 newest") });
    await lead().evidence.transition({ id: policy.id, to: "in_review" });
    await app.caller(org.users.admin).evidence.transition({ id: policy.id, to: "approved" });
    const guidance = await lead().evidence.create(
      evidenceInput({ title: "Staff guidance", kind: "procedure", expiryDate: null }),
    );
    await upload(guidance.id, { name: "POLICY.pdf", body: Buffer.from("%PDF-guidance") });
    await lead().evidence.create(
      evidenceInput({
        title: "Champions list",
        areaId: "staff-development",
        kind: "champions_list",
      }),
    );

    const files = await fetchPack(org.users.viewer, "?include=all");
    expect(Object.keys(files).sort()).toEqual([
      "evidence.csv",
      "files/policies-and-procedures/Not approved - POLICY.pdf",
      "files/policies-and-procedures/policy.pdf",
      "index.html",
      "manifest.json",
    ]);
    expect(strFromU8(files["files/policies-and-procedures/policy.pdf"] ?? new Uint8Array())).toBe(
      "%PDF-2 newest",
    );

    const html = strFromU8(files["index.html"] ?? new Uint8Array());
    expect(html).toContain("<dd>Northshire</dd>");
    expect(html).toContain("<dd>5 April 2022</dd>");
    expect(html).toContain("Policy &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script");
    expect(html).toContain("Green: ready");
    expect(html).toContain("Red: not ready");
    expect(html).toContain("<td>1 April 2021</td>");
    expect(html).toContain('<a href="files/policies-and-procedures/policy.pdf">policy.pdf</a>');
    expect(html).toContain(
      '<a href="files/policies-and-procedures/Not%20approved%20-%20POLICY.pdf">',
    );
    expect(html).toContain("No file uploaded");
    expect(html).toContain("This pack includes 2 evidence items that are not approved.");
    expect(html).toContain(
      'Staff guidance <strong class="tag tag--not-approved">Not approved</strong>',
    );
    expect(html).not.toContain("Policy &lt;script&gt;alert(1)&lt;/script&gt; <strong");

    const csvBytes = files["evidence.csv"] ?? new Uint8Array();
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = strFromU8(csvBytes);
    expect(csv.startsWith("Evidence ID,Area ID,Area,Title,")).toBe(true);
    const lines = csv.split("\r\n");
    expect(lines).toHaveLength(5);
    expect(lines.find((line) => line.includes("Staff guidance"))).toContain(
      "Procedure,Head of Housing Needs,Draft,Not approved,2021-04-01,2024-04-01,,1,POLICY.pdf",
    );
    expect(lines.find((line) => line.includes("Policy <script>"))).toContain(",Approved,Approved,");
  });

  test("by default holds only approved, in-date evidence, with a manifest of every file's SHA-256", async () => {
    const approve = async (title: string, expiryDate: string | null) => {
      const item = await lead().evidence.create(evidenceInput({ title, expiryDate }));
      await upload(item.id, { name: `${title}.pdf`, body: Buffer.from(`%PDF-${title}`) });
      await lead().evidence.transition({ id: item.id, to: "in_review" });
      await app.caller(org.users.admin).evidence.transition({ id: item.id, to: "approved" });
    };
    await approve("Current policy", null);
    await approve("Lapsed policy", "2022-04-01");
    const draft = await lead().evidence.create(evidenceInput({ title: "Draft protocol" }));
    await upload(draft.id, { name: "Draft protocol.pdf" });

    const files = await fetchPack();
    expect(Object.keys(files).sort()).toEqual([
      "evidence.csv",
      "files/policies-and-procedures/Current policy.pdf",
      "index.html",
      "manifest.json",
    ]);
    const html = strFromU8(files["index.html"] ?? new Uint8Array());
    expect(html).toContain("This pack holds only evidence that is approved and in date.");
    expect(html).not.toContain("Lapsed policy");
    expect(html).not.toContain("Draft protocol");
    expect(html).not.toContain("Not approved");

    const manifest = JSON.parse(strFromU8(files["manifest.json"] ?? new Uint8Array())) as {
      includes: string;
      files: { path: string; sha256: string; bytes: number }[];
    };
    expect(manifest.includes).toBe("approved, in-date evidence only");
    expect(manifest.files.map((file) => file.path).sort()).toEqual(
      Object.keys(files)
        .filter((path) => path !== "manifest.json")
        .sort(),
    );
    for (const file of manifest.files) {
      const bytes = files[file.path] ?? new Uint8Array();
      expect(file.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(file.bytes).toBe(bytes.length);
    }

    const reads = app.db
      .select()
      .from(auditLog)
      .all()
      .filter((row) => row.entity === "evidence_pack");
    expect(reads.map((row) => [row.action, row.entityId, row.userId])).toEqual([
      ["read", "approved", org.users.viewer.id],
    ]);
  });

  test("refuses an unknown choice of contents, on the include field", async () => {
    const response = await get("/api/evidence/pack.zip?include=drafts", org.users.viewer);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { field: "include", message: "include: must be approved or all" },
    });
  });

  test("streams a pack of many items and files", async () => {
    for (let index = 0; index < 40; index += 1) {
      const item = await lead().evidence.create(evidenceInput({ title: `Item ${String(index)}` }));
      await upload(item.id, { name: "same.pdf", body: Buffer.from(`%PDF-${String(index)}`) });
    }
    const files = await fetchPack(org.users.hr, "?include=all");
    expect(Object.keys(files)).toHaveLength(43);
    expect(files["files/policies-and-procedures/Not approved - same (40).pdf"]).toBeDefined();
    // Every file byte for byte (read ahead of writing, a few at a time), each in the manifest.
    const stored = Object.entries(files).filter(([path]) => path.startsWith("files/"));
    expect(stored.map(([, bytes]) => strFromU8(bytes)).sort()).toEqual(
      Array.from({ length: 40 }, (_, index) => `%PDF-${String(index)}`).sort(),
    );
    const manifest = JSON.parse(strFromU8(files["manifest.json"] ?? new Uint8Array())) as {
      files: { path: string; sha256: string; bytes: number }[];
    };
    expect(manifest.files).toHaveLength(42);
    for (const [path, bytes] of stored) {
      expect(manifest.files).toContainEqual({
        path,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        bytes: bytes.length,
      });
    }
  });

  test("is refused to the signed out and to managers, and holds only the organisation's own evidence", async () => {
    expect((await get("/api/evidence/pack.zip", null)).status).toBe(401);
    expect((await get("/api/evidence/pack.zip", org.users.manager)).status).toBe(403);
    const item = await lead().evidence.create(evidenceInput({ title: "Northshire only" }));
    await upload(item.id);
    const files = await fetchPack(other.users.viewer, "?include=all");
    expect(Object.keys(files).sort()).toEqual(["evidence.csv", "index.html", "manifest.json"]);
    expect(strFromU8(files["index.html"] ?? new Uint8Array())).not.toContain("Northshire only");
  });
});
