import { useFlash } from "../lib/flash";
import { NotificationBanner } from "./notification-banner";

/** The success banner for whatever the user just did on the previous page, if anything. */
export function FlashBanner() {
  const message = useFlash();
  return message === undefined ? null : (
    <NotificationBanner kind="success">{message}</NotificationBanner>
  );
}
