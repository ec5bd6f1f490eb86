import { eq } from "drizzle-orm";

import { newId } from "../db/ids";
import { agencies, organisations, trainingSessions } from "../db/schema";
import { DEFAULT_CHARGING_POLICY } from "../services/charges/charging-policy";
import { createBookings, createStaff } from "./builders";
import type { TwoOrganisations } from "./two-organisations";

// A partnership with a charging policy, for the tests of charges and their exports.

/** Wirral's published policy (£50 up to half a day, £90 a full day, 3 working days' notice), on. */
export const WIRRAL_POLICY = { ...DEFAULT_CHARGING_POLICY, enabled: true };

/** Tuesday 3 May 2022, the day after the early May bank holiday: 9:30am to 4pm in London. */
export const AFTER_BANK_HOLIDAY = {
  startsAt: "2022-05-03T08:30:00.000Z",
  endsAt: "2022-05-03T15:00:00.000Z",
};

/** The charging helpers of one test world. */
export function chargesWorld(t: TwoOrganisations) {
  const hr = () => t.app.caller(t.org.users.hr);

  function agency(name: string, member: boolean): string {
    const id = newId();
    const createdAt = t.app.clock.now.toISOString();
    t.app.db
      .insert(agencies)
      .values({ id, organisationId: t.org.id, name, kind: "police", member, createdAt })
      .run();
    return id;
  }

  return {
    hr,
    /** Northshire as a partnership with `policy`, a member agency and a non-member agency. */
    partnership: async (policy = WIRRAL_POLICY) => {
      t.app.db
        .update(organisations)
        .set({ runsAsPartnership: true })
        .where(eq(organisations.id, t.org.id))
        .run();
      await hr().charges.policy.update(policy);
      return {
        police: agency("Northshire Police", true),
        charity: agency("Hope Charity", false),
      };
    },
    personOf: (agencyId: string, name = "Alex Reed"): string =>
      createStaff(t.hr, { name, agencyId }).id,
    bookingOn: (sessionId: string, staffId: string): string => {
      const [booking] = createBookings(t.hr, { sessionId, staffIds: [staffId] });
      return booking?.id ?? "";
    },
    /** Cancels a booking at 10am UTC on `day`. */
    cancelOn: (day: string, nominationId: string) => {
      t.app.clock.now = new Date(`${day}T10:00:00.000Z`);
      return hr().training.nominations.cancel({ id: nominationId, note: "Covering a shift" });
    },
    priceForNonMembers: (sessionId: string, pence: number): void => {
      t.app.db
        .update(trainingSessions)
        .set({ nonMemberPricePence: pence })
        .where(eq(trainingSessions.id, sessionId))
        .run();
    },
  };
}
