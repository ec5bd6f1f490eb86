import { eq, sql } from "drizzle-orm";

import type * as z from "zod";

import { EmailSchema, LabelSchema } from "@dapkit/schemas";

import type { Db } from "../../db/client";
import { newId } from "../../db/ids";
import { organisations, users } from "../../db/schema";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { issueAccountLink, linkUrl } from "../auth/account-links";
import { isUniqueViolation } from "../sqlite-errors";

/** The first administrator's name until they change it (the command asks only for an email). */
export const FIRST_ADMIN_NAME = "Administrator";

// The command's options are checked with the same schemas as the API's, and named as typed.
function parsed<T>(schema: z.ZodType<T>, value: unknown, option: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problem = result.error.issues[0]?.message ?? "is not valid";
    throw new AppError("bad_request", `${option} ${problem}`, { field: option });
  }
  return result.data;
}

/**
 * Creates an organisation and its first administrator (with no password), and returns the
 * single-use link, valid 72 hours, where that administrator sets one. Refuses a name another
 * organisation already has (however it is capitalised) and an email address already in use.
 */
export function createOrganisation(
  db: Db,
  input: { name: unknown; adminEmail: unknown; now: Date; publicUrl: string | undefined },
) {
  const name = parsed(LabelSchema, input.name, "--name");
  const email = parsed(EmailSchema, input.adminEmail, "--admin-email");
  const { now } = input;
  return db.transaction((tx) => {
    const clash = tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(sql`lower(${organisations.name})`, name.toLowerCase()))
      .get();
    if (clash !== undefined) {
      throw new AppError("conflict", `An organisation called "${name}" already exists`, {
        field: "--name",
      });
    }
    const organisationId = newId();
    const adminId = newId();
    tx.insert(organisations)
      .values({ id: organisationId, name, createdAt: now.toISOString() })
      .run();
    try {
      tx.insert(users)
        .values({
          id: adminId,
          organisationId,
          email,
          name: FIRST_ADMIN_NAME,
          role: "admin",
          passwordHash: null,
          createdAt: now.toISOString(),
        })
        .run();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError("conflict", `The email address ${email} already has an account`, {
          field: "--admin-email",
          cause: error,
        });
      }
      throw error;
    }
    const actor = { userId: null, organisationId };
    recordAudit(tx, {
      actor,
      at: now,
      action: "create",
      entity: "organisation",
      entityId: organisationId,
      after: { name },
    });
    recordAudit(tx, {
      actor,
      at: now,
      action: "invite",
      entity: "user",
      entityId: adminId,
      after: { email, role: "admin" },
      source: "create-organisation command",
    });
    const link = issueAccountLink(tx, {
      user: { id: adminId, organisationId },
      purpose: "setup",
      now,
    });
    return {
      organisationId,
      name,
      adminEmail: email,
      link: { url: linkUrl(input.publicUrl, link.token), expiresAt: link.expiresAt },
    };
  });
}
