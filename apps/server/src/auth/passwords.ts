import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

import { AppError } from "../errors";

// scrypt cost parameters; stored with each hash so they can be raised later without a migration.
const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** Hashes a password with scrypt and a random per-user salt: `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join(
    "$",
  );
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await derive(password, Buffer.from(salt, "base64"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: COST.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// Verified against when no account matches, so an unknown email costs the same time as a wrong
// password and response times do not reveal which addresses have accounts.
let decoyHash: Promise<string> | undefined;
/** A hash of a random password, made once per process. */
export function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return decoyHash;
}

/** zxcvbn's score out of 4 a new password must reach: 3 means about 10^8 guesses or more. */
export const MIN_PASSWORD_SCORE = 3;

// Built on first use: loading the dictionaries takes a tenth of a second that sign-in never needs.
let estimator: ZxcvbnFactory | undefined;

/**
 * Refuses a new password that is common or easy to guess, as NCSC guidance asks (length over
 * complexity, and a deny list rather than rules about symbols). The deny list is zxcvbn-ts's
 * maintained list of about 49,000 passwords from breaches; zxcvbn also catches what merely looks
 * like them: a word repeated (`passwordpassword`), a run of digits (`123456789012`), a keyboard
 * walk, a common password with digits added. The length minimum is the contract's (PasswordSchema);
 * nothing is trimmed, so spaces count like any other character.
 */
export function assertStrongPassword(password: string, field = "password"): void {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  if (estimator.check(password).score < MIN_PASSWORD_SCORE) {
    throw new AppError(
      "bad_request",
      "Choose a password that is harder to guess: not a common password, a repeated word or a " +
        "run of numbers. Three random words make a strong password.",
      { field },
    );
  }
}
