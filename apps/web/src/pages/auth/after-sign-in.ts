/** What the sign-in page hands the set-password page when a reset password must be changed. */
export interface SetPasswordState {
  token: string;
  /** Where to go once signed in (the sign-in page's `?next=`). */
  next: string | null;
}

/** Only addresses inside the app: a crafted ?next= must not send someone to another site. */
export function safeNext(next: string | null | undefined): string {
  return next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")
    ? next
    : "/";
}
