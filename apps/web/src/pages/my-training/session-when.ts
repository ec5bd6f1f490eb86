import { formatDate, formatTime } from "@dapkit/schemas";

/** "10 May 2026, 9:30am to 12:30pm", in London time. */
export function sessionWhen(session: { startsAt: string; endsAt: string }): string {
  return `${formatDate(session.startsAt)}, ${formatTime(session.startsAt)} to ${formatTime(session.endsAt)}`;
}
