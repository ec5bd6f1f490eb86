import type { ButtonHTMLAttributes } from "react";
import { Link } from "react-router";

type Variant = "primary" | "secondary" | "warning";

function classes(variant: Variant, extra?: string): string {
  return ["govuk-button", variant === "primary" ? "" : `govuk-button--${variant}`, extra ?? ""]
    .filter((part) => part !== "")
    .join(" ");
}

/** A GOV.UK button. Disabled while `busy`, so a slow save is not sent twice. */
export function Button({
  variant = "primary",
  busy = false,
  className,
  type = "submit",
  children,
  ...button
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean }) {
  return (
    <button
      type={type}
      className={classes(variant, className)}
      data-module="govuk-button"
      disabled={busy || button.disabled}
      aria-disabled={busy || button.disabled === true ? true : undefined}
      {...button}
    >
      {children}
    </button>
  );
}

/** A link styled as a GOV.UK button (for "Add a course" and other starts of journeys). */
export function ButtonLink({
  to,
  variant = "primary",
  children,
}: {
  to: string;
  variant?: Variant;
  children: string;
}) {
  return (
    <Link
      to={to}
      role="button"
      draggable={false}
      className={classes(variant)}
      data-module="govuk-button"
    >
      {children}
    </Link>
  );
}

/** Buttons and links side by side. */
export function ButtonGroup({ children }: { children: React.ReactNode }) {
  return <div className="govuk-button-group">{children}</div>;
}
