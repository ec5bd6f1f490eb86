import { useContext, useEffect } from "react";

import { CurrentUserContext } from "./current-user";

/** The service's name, between the page and the organisation in every title. */
export const SERVICE_NAME = "dapkit";

/**
 * The document title for a page: "Page – dapkit – Organisation" once someone is signed in (so a
 * tab shows whose dapkit it is), "Page – dapkit" before; "Error: " goes first while the form
 * shows errors (GOV.UK).
 */
export function pageTitle(
  title: string,
  options: { error?: boolean; organisationName?: string | undefined } = {},
): string {
  const parts = [title, SERVICE_NAME];
  if (options.organisationName !== undefined && options.organisationName !== "") {
    parts.push(options.organisationName);
  }
  return `${options.error === true ? "Error: " : ""}${parts.join(" – ")}`;
}

/** Sets the document title while the page is shown, naming the signed-in user's organisation. */
export function usePageTitle(title: string, options: { error?: boolean } = {}): void {
  const organisationName = useContext(CurrentUserContext)?.organisationName;
  const text = pageTitle(title, { ...options, organisationName });
  useEffect(() => {
    document.title = text;
  }, [text]);
}
