import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A GOV.UK notification banner. The success kind confirms an action ("Attendance saved") and,
 * like GOV.UK's script, takes focus so screen readers announce it.
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
  useEffect(() => {
    if (kind === "success") ref.current?.focus();
  }, [kind, children]);
  const titleId = useId();
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
