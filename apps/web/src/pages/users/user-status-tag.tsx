import type { UserStatus } from "@dapkit/contract";

import { USER_STATUS_TAGS } from "./user-words";

/** An account's status as a GOV.UK tag. */
export function UserStatusTag({ status }: { status: UserStatus }) {
  const { text, colour } = USER_STATUS_TAGS[status];
  return <strong className={`govuk-tag govuk-tag--${colour}`}>{text}</strong>;
}
