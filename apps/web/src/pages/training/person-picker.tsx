import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { Button } from "../../components/button";
import { Radios } from "../../components/radios";
import { TextInput } from "../../components/text-input";
import { trpc } from "../../trpc";

// Enough people to choose from once a name is searched for; the search narrows the rest.
const PEOPLE_SHOWN = 20;

/**
 * Choose one person to add to a session: a search by name or employee number, then the people
 * found who are not yet on it (the server's candidates, so managers and agency leads see only
 * their own people). The radios' name is `staffId`, which server errors name.
 */
export function PersonPicker({
  sessionId,
  legend,
  value,
  onChange,
  error,
}: {
  sessionId: string;
  legend: string;
  value: string | null;
  onChange: (staffId: string) => void;
  error: string | undefined;
}) {
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const query = useQuery(
    trpc.training.sessions.candidates.queryOptions({
      sessionId,
      pageSize: PEOPLE_SHOWN,
      ...(search === "" ? {} : { search }),
    }),
  );
  const selectable = new Set(query.data?.selectableIds);
  const people = (query.data?.items ?? []).filter((person) => selectable.has(person.id));
  return (
    <>
      <div className="govuk-form-group">
        <TextInput
          label="Search by name or employee number"
          name="search"
          className="govuk-input--width-20"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <Button type="button" variant="secondary" onClick={() => setSearch(typed.trim())}>
          Search
        </Button>
      </div>
      {query.isPending ? (
        <p className="govuk-body">Loading people…</p>
      ) : people.length === 0 ? (
        <p className="govuk-body" id="staffId">
          Nobody who can be added matches. Search for someone else.
        </p>
      ) : (
        <Radios
          name="staffId"
          legend={legend}
          legendSize="s"
          value={value}
          onChange={onChange}
          error={error}
          choices={people.map((person) => ({
            value: person.id,
            text: person.name,
            hint: `${person.employeeNumber}, ${person.jobTitle}, ${person.departmentName}`,
          }))}
        />
      )}
    </>
  );
}
