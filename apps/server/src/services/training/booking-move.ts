import type { NominationState } from "@dapkit/schemas";

const WAITLIST_NOTE = "This session is full, so added to the waiting list";

/**
 * Where booking puts a nomination given the places left, with the note its history gets: a place,
 * the waiting list (saying why), or null when already waiting and still full. One booking and a
 * bulk booking both decide here.
 */
export function bookingMove(
  nomination: { state: NominationState },
  free: number,
  note: string,
): { to: "booked" | "waitlisted"; note: string; action: "book" | "waitlist" } | null {
  if (free > 0) return { to: "booked", note, action: "book" };
  if (nomination.state === "waitlisted") return null;
  const waitNote = [WAITLIST_NOTE, note].filter((part) => part !== "").join(". ");
  return { to: "waitlisted", note: waitNote, action: "waitlist" };
}
