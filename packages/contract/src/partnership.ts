import { agencies, partnershipSettings } from "./agencies";

/**
 * A partnership of agencies: its member agencies, the switch that makes the organisation one, and
 * (from their own files) what the partnership runs.
 */
export const partnership = {
  agencies,
  settings: partnershipSettings,
};
