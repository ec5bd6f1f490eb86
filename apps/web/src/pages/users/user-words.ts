import type { UserStatus } from "@dapkit/contract";

import type { TagColour } from "../../components/tag";

/** Each account status's words and tag colour (colour only reinforces the words). */
export const USER_STATUS_TAGS: Readonly<Record<UserStatus, { text: string; colour: TagColour }>> = {
  invited: { text: "Invited", colour: "blue" },
  active: { text: "Active", colour: "green" },
  deactivated: { text: "Deactivated", colour: "grey" },
};
