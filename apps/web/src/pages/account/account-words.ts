import type { TagColour } from "../../components/tag";
import type { Outputs } from "../../trpc";

type SignInMethod = Outputs["account"]["recentSignIns"][number]["method"];
type TokenStatus = Outputs["account"]["tokens"]["list"][number]["status"];

/** How someone signed in, as "My account" lists it. */
export const SIGN_IN_METHOD_WORDS: Readonly<Record<SignInMethod, string>> = {
  password: "Password",
  single_sign_on: "Single sign-on",
  link: "Single-use link",
};

/** Each API token status's words and tag colour (colour only reinforces the words). */
export const TOKEN_STATUS_TAGS: Readonly<Record<TokenStatus, { text: string; colour: TagColour }>> =
  {
    active: { text: "Active", colour: "green" },
    expired: { text: "Expired", colour: "grey" },
    revoked: { text: "Revoked", colour: "red" },
  };
