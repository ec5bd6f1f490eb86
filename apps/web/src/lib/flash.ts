import { useLocation, useNavigate } from "react-router";

interface FlashState {
  flash?: string;
}

/**
 * The success message the previous page left when it sent the user here (kept in history
 * state, so it goes away on reload rather than lingering in the address).
 */
export function useFlash(): string | undefined {
  const state = useLocation().state as FlashState | null;
  return state?.flash;
}

/** Navigates to `to` and shows `message` there in a success banner. */
export function useNavigateWithFlash(): (to: string, message: string) => void {
  const navigate = useNavigate();
  return (to, message) => {
    void navigate(to, { state: { flash: message } satisfies FlashState });
  };
}
