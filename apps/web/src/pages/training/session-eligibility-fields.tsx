import { SESSION_OPEN_TO, SESSION_OPEN_TO_LABELS, type SessionOpenTo } from "@dapkit/contract";

import { Checkbox } from "../../components/checkbox";
import { DateInput } from "../../components/date-input";
import { Fieldset } from "../../components/fieldset";
import { Radios } from "../../components/radios";
import { TextInput } from "../../components/text-input";
import type { AgencyLine, EligibilityTyped } from "./session-eligibility-form";

/** An agency the session form offers. */
export interface OfferedAgency {
  id: string;
  name: string;
  member: boolean;
}

/**
 * Who may book a session of a partnership: every member agency or chosen ones, places held per
 * agency until a release date and time, and the price of a place for a non-member agency.
 */
export function SessionEligibilityFields({
  agencies,
  typed,
  onChange,
  errorFor,
}: {
  agencies: readonly OfferedAgency[];
  typed: EligibilityTyped;
  onChange: (typed: EligibilityTyped) => void;
  errorFor: (field: string) => string | undefined;
}) {
  const set = (changes: Partial<EligibilityTyped>) => onChange({ ...typed, ...changes });
  const setLine = (id: string, changes: Partial<AgencyLine>) =>
    set({
      lines: {
        ...typed.lines,
        [id]: { ...(typed.lines[id] ?? { chosen: false, reserved: "" }), ...changes },
      },
    });
  const chosen = typed.openTo === "chosen_agencies";
  return (
    <>
      <Radios
        name="openTo"
        legend="Who may book"
        legendSize="s"
        choices={SESSION_OPEN_TO.map((value) => ({ value, text: SESSION_OPEN_TO_LABELS[value] }))}
        value={typed.openTo}
        onChange={(value) => set({ openTo: value as SessionOpenTo })}
        error={errorFor("openTo")}
      />
      <Fieldset
        id="agencies"
        legend={chosen ? "Agencies and places reserved" : "Places reserved per agency"}
        legendSize="s"
        hint={
          chosen
            ? "Tick the agencies the session is open to. Places reserved for an agency are held for its people until the release date; leave blank to reserve none."
            : "Places reserved for an agency are held for its people until the release date; leave blank to reserve none."
        }
        error={errorFor("agencies")}
      >
        {agencies.map((agency, index) => {
          const line = typed.lines[agency.id] ?? { chosen: false, reserved: "" };
          const name = agency.member ? agency.name : `${agency.name} (not a member)`;
          // The first field carries the group's id, so the error summary's link lands on it.
          const id = (part: string) => (index === 0 ? "agencies" : `agencies-${part}-${agency.id}`);
          return (
            <div key={agency.id} className="govuk-!-margin-bottom-4">
              {chosen ? (
                <div className="govuk-checkboxes govuk-checkboxes--small">
                  <Checkbox
                    id={id("chosen")}
                    label={name}
                    checked={line.chosen}
                    onChange={(event) => setLine(agency.id, { chosen: event.target.checked })}
                  />
                </div>
              ) : null}
              <TextInput
                label={`Places reserved for ${agency.name}`}
                name={chosen ? `agencies-reserved-${agency.id}` : id("reserved")}
                inputMode="numeric"
                className="govuk-input--width-3"
                value={line.reserved}
                onChange={(event) => setLine(agency.id, { reserved: event.target.value })}
              />
            </div>
          );
        })}
      </Fieldset>
      <DateInput
        name="reservedUntil"
        legend="Reserved places released on"
        hint="From this date and time (UK time) any agency may book places still reserved. For example, 1 4 2027"
        value={typed.releaseDate}
        onChange={(releaseDate) => set({ releaseDate })}
        error={errorFor("reservedUntil")}
      />
      <TextInput
        label="Reserved places released at"
        hint="For example, 9:30am"
        name="releaseTime"
        className="govuk-input--width-5"
        value={typed.releaseTime}
        onChange={(event) => set({ releaseTime: event.target.value })}
      />
      <TextInput
        label="Price of a place for non-members"
        hint="For example, £50. Leave blank if agencies that are not members may not book."
        name="nonMemberPricePence"
        className="govuk-input--width-10"
        value={typed.nonMemberPrice}
        onChange={(event) => set({ nonMemberPrice: event.target.value })}
        error={errorFor("nonMemberPricePence")}
      />
    </>
  );
}
