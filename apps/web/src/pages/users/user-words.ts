import { USER_STATUS_LABELS, type UserStatus } from "@dapkit/contract";

import type { TagColour } from "../../components/tag";

/** Each account status's words (the contract's) and tag colour (colour only reinforces the words). */
export const USER_STATUS_TAGS: Readonly<Record<UserStatus, { text: string; colour: TagColour }>> = {
  invited: { text: USER_STATUS_LABELS.invited, colour: "blue" },
  active: { text: USER_STATUS_LABELS.active, colour: "green" },
  deactivated: { text: USER_STATUS_LABELS.deactivated, colour: "grey" },
};
