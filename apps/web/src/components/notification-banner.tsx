import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from "react";

// The success banners on screen, by the order they appeared. Only the newest is shown, so a page
// never says "Success" twice (the last page's "3 people nominated" beside this page's "Done").
let appeared = 0;
const onScreen = new Set<number>();
const listeners = new Set<() => void>();
const newestSuccess = () => Math.max(0, ...onScreen);
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function changed() {
  for (const listener of listeners) listener();
}

/** Whether this success banner is the newest on screen (other kinds are always shown). */
function useNewestSuccess(success: boolean): boolean {
  const [order] = useState(() => (appeared += 1));
  const newest = useSyncExternalStore(subscribe, newestSuccess, newestSuccess);
  useEffect(() => {
    if (!success) return undefined;
    onScreen.add(order);
    changed();
    return () => {
      onScreen.delete(order);
      changed();
    };
  }, [success, order]);
  return !success || newest <= order;
}

/**
 * A GOV.UK notification banner. The success kind confirms an action ("Attendance saved") and,
 * like GOV.UK's script, takes focus so screen readers announce it; a newer success banner
 * replaces an older one still on the page.
 */
export function NotificationBanner({
  kind = "important",
  title = kind === "success" ? "Success" : "Important",
  children,
}: {
  kind?: "success" | "important";
  title?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useNewestSuccess(kind === "success");
  useEffect(() => {
    if (kind === "success") ref.current?.focus();
  }, [kind, children]);
  const titleId = useId();
  if (!shown) return null;
  return (
    <div
      ref={ref}
      className={`govuk-notification-banner${kind === "success" ? " govuk-notification-banner--success" : ""}`}
      role={kind === "success" ? "alert" : "region"}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
      tabIndex={kind === "success" ? -1 : undefined}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {typeof children === "string" ? (
          <p className="govuk-notification-banner__heading">{children}</p>
        ) : (
          children
        )}
      </div>
    </div>
  );
}
