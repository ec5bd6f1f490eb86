import { useEffect } from "react";

/** The suffix every page title carries, so tabs and history read "Page – dapkit – GOV.UK style". */
export const TITLE_SUFFIX = "dapkit – GOV.UK style";

/** The document title for a page; "Error: " goes first while the form shows errors (GOV.UK). */
export function pageTitle(title: string, options: { error?: boolean } = {}): string {
  return `${options.error === true ? "Error: " : ""}${title} – ${TITLE_SUFFIX}`;
}

/** Sets the document title while the page is shown. */
export function usePageTitle(title: string, options: { error?: boolean } = {}): void {
  const text = pageTitle(title, options);
  useEffect(() => {
    document.title = text;
  }, [text]);
}
