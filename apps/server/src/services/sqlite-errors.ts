/** Whether an error (or its cause, as drizzle wraps driver errors) is a SQLite unique violation. */
export function isUniqueViolation(error: unknown): boolean {
  return sqliteCode(error) === "SQLITE_CONSTRAINT_UNIQUE";
}

function sqliteCode(error: unknown): string | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (
      "code" in current &&
      typeof current.code === "string" &&
      current.code.startsWith("SQLITE_")
    ) {
      return current.code;
    }
  }
  return undefined;
}
