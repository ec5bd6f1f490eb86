import { createHmac, timingSafeEqual } from "node:crypto";

import { and, eq } from "drizzle-orm";

import { durationWords, formatDate, formatTime, plural } from "@dapkit/schemas";
import { holdsPlace } from "@dapkit/training";

import type { Db } from "../../db/client";
import { courses, nominations, staff, trainingSessions } from "../../db/schema";
import { AppError } from "../../errors";
import type { Scope } from "../scope";
import { ownOrVisibleNomination } from "../self-service/own-nomination";
import { courseOfSession, sessionOfNomination, staffOfNomination } from "./nomination-items";
import { getSession } from "./get-session";
import { CONTENT_WIDTH, ensureRoom, newPdf, pdfBytes, writeLine, writeRule } from "./training-pdf";

/** "9:30am to 12:30pm", in London time. */
function timeWords(startsAt: string, endsAt: string): string {
  return `${formatTime(startsAt)} to ${formatTime(endsAt)}`;
}

/**
 * The trainer's sign-in sheet: the session's details, then everyone holding a place with their
 * department and room to sign, on A4 pages (the heading of the table repeats on each page).
 */
export async function signInSheetPdf(scope: Scope, sessionId: string): Promise<Uint8Array> {
  const session = getSession(scope, sessionId);
  const booked = session.nominations.filter((row) => holdsPlace(row.state));
  const pdf = await newPdf(`Sign-in sheet: ${session.courseTitle}`);
  writeLine(pdf, [{ text: "Sign-in sheet" }], { size: 20, bold: true, gap: 12 });
  const details: [string, string][] = [
    ["Course", session.courseTitle],
    ["Date", formatDate(session.startsAt)],
    ["Time", timeWords(session.startsAt, session.endsAt)],
    ["Place", session.location],
    ["Trainer", session.trainer],
    ["Booked", plural(booked.length, "person", "people")],
  ];
  for (const [key, value] of details) {
    writeLine(pdf, [
      { text: key, width: 80 },
      { text: value, x: 90, width: CONTENT_WIDTH - 90 },
    ]);
  }
  const columns = { name: 0, department: 170, signature: 330 };
  const header = () => {
    writeLine(
      pdf,
      [
        { text: "Name", x: columns.name, width: 165 },
        { text: "Department", x: columns.department, width: 155 },
        { text: "Signature", x: columns.signature, width: CONTENT_WIDTH - columns.signature },
      ],
      { bold: true, gap: 4 },
    );
    writeRule(pdf);
  };
  pdf.y -= 14;
  header();
  for (const person of booked) {
    // Tall rows leave room for a handwritten signature; a new page repeats the table's heading.
    if (ensureRoom(pdf, 36)) header();
    pdf.y -= 10;
    writeLine(
      pdf,
      [
        { text: person.staffName, x: columns.name, width: 165 },
        { text: person.departmentName, x: columns.department, width: 155 },
      ],
      { gap: 8 },
    );
    writeRule(pdf, columns.signature, CONTENT_WIDTH);
  }
  if (booked.length === 0) writeLine(pdf, [{ text: "Nobody is booked on this session yet." }]);
  return pdfBytes(pdf);
}

/**
 * The code printed on a certificate: the nomination's id and an HMAC of it, so only this server
 * can make one and no code can be guessed from another.
 */
export function verificationCode(secret: string, nominationId: string): string {
  const mac = createHmac("sha256", secret).update(nominationId).digest("base64url").slice(0, 22);
  return `${nominationId}.${mac}`;
}

/** The nomination a code names, if its HMAC is genuine; null for any code this server did not make. */
function nominationOfCode(secret: string, code: string): string | null {
  const dot = code.lastIndexOf(".");
  if (dot <= 0 || code.length > 120) return null;
  const id = code.slice(0, dot);
  const expected = Buffer.from(verificationCode(secret, id));
  const given = Buffer.from(code);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** What a certificate states. */
export interface CertificateFacts {
  staffName: string;
  courseTitle: string;
  courseLevel: number;
  startsAt: string;
  endsAt: string;
}

function certificateFacts(db: Db, where: ReturnType<typeof and>): CertificateFacts | undefined {
  return db
    .select({
      staffName: staff.name,
      courseTitle: courses.title,
      courseLevel: courses.level,
      startsAt: trainingSessions.startsAt,
      endsAt: trainingSessions.endsAt,
    })
    .from(nominations)
    .innerJoin(staff, staffOfNomination)
    .innerJoin(trainingSessions, sessionOfNomination)
    .innerJoin(courses, courseOfSession)
    .where(and(where, eq(nominations.state, "fully_attended")))
    .get();
}

/**
 * An attendee's certificate, for a nomination the user may see that was fully attended only:
 * name, course, level, date, duration and the verification code.
 */
export async function certificatePdf(
  scope: Scope,
  // The secret is asked for only once the nomination is found, so that another organisation's id
  // is "not found" whatever the configuration.
  input: { nominationId: string; secret: () => string },
): Promise<Uint8Array> {
  const nomination = ownOrVisibleNomination(scope.db, scope.user, input.nominationId);
  const facts =
    nomination.state === "fully_attended"
      ? certificateFacts(
          scope.db,
          and(
            eq(nominations.organisationId, scope.user.organisationId),
            eq(nominations.id, nomination.id),
          ),
        )
      : undefined;
  if (facts === undefined) {
    throw new AppError("conflict", "A certificate is given only for a session fully attended");
  }
  const secret = input.secret();
  const pdf = await newPdf(`Certificate: ${facts.courseTitle}`);
  pdf.y -= 60;
  writeLine(pdf, [{ text: "Certificate of attendance" }], { size: 26, bold: true, gap: 30 });
  writeLine(pdf, [{ text: "This is to certify that" }], { gap: 12 });
  writeLine(pdf, [{ text: facts.staffName }], { size: 22, bold: true, gap: 16 });
  writeLine(pdf, [{ text: "fully attended" }], { gap: 12 });
  writeLine(pdf, [{ text: facts.courseTitle }], { size: 18, bold: true, gap: 20 });
  for (const [key, value] of [
    ["Level", String(facts.courseLevel)],
    ["Date", formatDate(facts.startsAt)],
    ["Duration", durationWords(facts.startsAt, facts.endsAt)],
  ] as const) {
    writeLine(pdf, [
      { text: key, width: 80 },
      { text: value, x: 90, width: CONTENT_WIDTH - 90 },
    ]);
  }
  pdf.y -= 30;
  writeLine(pdf, [{ text: "Verification code" }], { bold: true });
  writeLine(pdf, [{ text: verificationCode(secret, nomination.id) }], { size: 10 });
  writeLine(pdf, [{ text: "Check it at /verify/ followed by the code on this service." }], {
    size: 9,
  });
  return pdfBytes(pdf);
}

/**
 * What the public verification page may say about a code: name, course and date of a genuine
 * certificate (still fully attended), or null. No sign-in, so nothing more.
 */
export function verifyCertificate(
  db: Db,
  input: { code: string; secret: string },
): { staffName: string; courseTitle: string; date: string } | null {
  const id = nominationOfCode(input.secret, input.code);
  if (id == null) return null;
  const facts = certificateFacts(db, and(eq(nominations.id, id)));
  return facts === undefined
    ? null
    : {
        staffName: facts.staffName,
        courseTitle: facts.courseTitle,
        date: formatDate(facts.startsAt),
      };
}
