import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";

import { ROLE_LABELS } from "@dapkit/contract";

import { activeNavHref, navigationFor, type CurrentUser } from "../lib/permissions";
import { queryClient, trpc } from "../trpc";

// The width at which GOV.UK's service navigation stops collapsing behind a "Menu" button.
const DESKTOP = "(min-width: 40.0625em)";

function useIsDesktop(): boolean {
  const [desktop, setDesktop] = useState(() => window.matchMedia(DESKTOP).matches);
  useEffect(() => {
    const query = window.matchMedia(DESKTOP);
    const update = () => setDesktop(query.matches);
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return desktop;
}

function organisationNameOf(user: CurrentUser | null): string {
  // Signed out, the header says what the service is rather than whose it is.
  return user == null || user.organisationName === ""
    ? "Domestic abuse partnership"
    : user.organisationName;
}

/**
 * The header: the organisation (not GOV.UK: this service is not on GOV.UK, so no crown), then
 * who is signed in (name and role), then GOV.UK service navigation with the service name, the
 * sections the user may see, their account and sign out.
 */
export function Header({ user }: { user: CurrentUser | null }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const desktop = useIsDesktop();
  const [menuOpen, setMenuOpen] = useState(false);
  const items = navigationFor(user);
  const active = activeNavHref(items, pathname);
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        queryClient.clear();
        void navigate("/sign-in", { state: { flash: "You have signed out" } });
      },
    }),
  );

  useEffect(() => setMenuOpen(false), [pathname]);

  const listHidden = !desktop && !menuOpen;
  return (
    <>
      <header className="govuk-generic-header app-header" data-module="govuk-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link">
              {organisationNameOf(user)}
            </Link>
          </div>
          {user == null ? null : (
            <p className="govuk-body-s app-header__signed-in">
              Signed in as <strong>{user.name}</strong> ({ROLE_LABELS[user.role]})
            </p>
          )}
        </div>
      </header>
      <section
        aria-label="Service information"
        className="govuk-service-navigation"
        data-module="govuk-service-navigation"
      >
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link to="/" className="govuk-service-navigation__link">
                dapkit
              </Link>
            </span>
            {user == null ? null : (
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <button
                  type="button"
                  className="govuk-service-navigation__toggle"
                  aria-controls="navigation"
                  aria-expanded={menuOpen}
                  hidden={desktop}
                  onClick={() => setMenuOpen((open) => !open)}
                >
                  Menu
                </button>
                <ul className="govuk-service-navigation__list" id="navigation" hidden={listHidden}>
                  {items.map((item) => {
                    const current = item.href === active;
                    return (
                      <li
                        key={item.href}
                        className={`govuk-service-navigation__item${current ? " govuk-service-navigation__item--active" : ""}`}
                      >
                        <Link
                          className="govuk-service-navigation__link"
                          to={item.href}
                          aria-current={
                            current ? (pathname === item.href ? "page" : "true") : undefined
                          }
                        >
                          {current ? (
                            <strong className="govuk-service-navigation__active-fallback">
                              {item.text}
                            </strong>
                          ) : (
                            item.text
                          )}
                        </Link>
                      </li>
                    );
                  })}
                  <li className="govuk-service-navigation__item app-service-navigation__sign-out">
                    <button
                      type="button"
                      className="govuk-service-navigation__link app-link-button"
                      onClick={() => signOut.mutate()}
                      disabled={signOut.isPending}
                    >
                      Sign out<span className="govuk-visually-hidden"> ({user.name})</span>
                    </button>
                  </li>
                </ul>
              </nav>
            )}
          </div>
        </div>
      </section>
    </>
  );
}
