import { TOKEN_STATUS_LABELS } from "@dapkit/contract";

import type { TagColour } from "../../components/tag";
import type { Outputs } from "../../trpc";

type TokenStatus = Outputs["account"]["tokens"]["list"][number]["status"];

/** Each API token status's words (the contract's) and tag colour (colour only reinforces the words). */
export const TOKEN_STATUS_TAGS: Readonly<Record<TokenStatus, { text: string; colour: TagColour }>> =
  {
    active: { text: TOKEN_STATUS_LABELS.active, colour: "green" },
    expired: { text: TOKEN_STATUS_LABELS.expired, colour: "grey" },
    revoked: { text: TOKEN_STATUS_LABELS.revoked, colour: "red" },
  };
