import { useEffect, useRef, type ReactNode } from "react";
import { useLocation } from "react-router";

import type { CurrentUser } from "../lib/permissions";
import { Header } from "./header";

function SkipLink() {
  return (
    <a
      href="#main-content"
      className="govuk-skip-link"
      data-module="govuk-skip-link"
      onClick={(event) => {
        // Move focus as well as scroll: the router would otherwise treat the hash as navigation.
        event.preventDefault();
        document.getElementById("main-content")?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}

function PhaseBanner() {
  return (
    <div className="govuk-phase-banner">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
        <span className="govuk-phase-banner__text">
          This is a new service. Tell your dapkit administrator what could be better.
        </span>
      </p>
    </div>
  );
}

function Footer() {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">About this service</h2>
            <p className="govuk-body-s app-footer-text">
              dapkit tracks domestic abuse training, DAHA accreditation evidence and partnership
              funding. Open-source software for UK councils, released under the MIT licence.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}

// After a client-side page change, focus goes to the top of the new page so that screen readers
// start reading it and Tab starts from the skip link, as on a full page load.
function useFocusOnNavigation(): React.RefObject<HTMLDivElement | null> {
  const { pathname } = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // A success banner or error summary on the new page takes focus itself; leave it there.
    if (document.activeElement?.closest("main") != null) return;
    ref.current?.focus();
  }, [pathname]);
  return ref;
}

/** The GOV.UK page template: skip link, header, phase banner, main, footer. */
export function Layout({ user, children }: { user: CurrentUser | null; children: ReactNode }) {
  const top = useFocusOnNavigation();
  return (
    <>
      <div ref={top} tabIndex={-1} className="app-focus-target" />
      <SkipLink />
      <Header user={user} />
      <div className="govuk-width-container">
        <PhaseBanner />
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Footer />
    </>
  );
}
