import { useQueries } from "@tanstack/react-query";
import { useState } from "react";

import { formatCount } from "@dapkit/schemas";

import { Button } from "../../components/button";
import { Checkbox } from "../../components/checkbox";
import { Fieldset } from "../../components/fieldset";
import { trpc } from "../../trpc";

const PAGE_SIZE = 50;

/**
 * An area's evidence as checkboxes, by title, a page at a time: "Show more evidence" adds the
 * next page below, so an area with hundreds of items loads only what is looked at. Items already
 * `linked` show first until their page loads, so every chosen item can be seen and unchosen.
 */
export function EvidencePicker({
  areaId,
  legend,
  linked,
  chosen,
  toggle,
  error,
}: {
  areaId: string;
  legend: string;
  linked: readonly { id: string; title: string }[];
  chosen: readonly string[];
  toggle: (id: string, checked: boolean) => void;
  error: string | undefined;
}) {
  // Where each loaded page starts: the first at the top, each later one after the page before.
  const [starts, setStarts] = useState<(string | undefined)[]>([undefined]);
  const pages = useQueries({
    queries: starts.map((after, index) =>
      trpc.evidence.list.queryOptions({
        areaId,
        pageSize: PAGE_SIZE,
        page: index + 1,
        ...(after === undefined ? {} : { after }),
      }),
    ),
  });
  const loaded = pages.flatMap((page) => page.data?.items ?? []);
  const loadedIds = new Set(loaded.map((item) => item.id));
  const items = [...linked.filter((item) => !loadedIds.has(item.id)), ...loaded];
  const total = pages[0]?.data?.total ?? 0;
  const next = pages.at(-1)?.data?.next;
  if (items.length === 0) return null;
  return (
    <Fieldset
      id="evidenceIds"
      legend={legend}
      legendSize="s"
      hint="The evidence this action produces or relies on"
      error={error}
    >
      <div className="govuk-checkboxes govuk-checkboxes--small">
        {items.map((item, index) => (
          <Checkbox
            key={item.id}
            id={index === 0 ? "evidenceIds" : `evidenceIds-${item.id}`}
            label={item.title}
            checked={chosen.includes(item.id)}
            onChange={(event) => toggle(item.id, event.target.checked)}
          />
        ))}
      </div>
      {next == null ? null : (
        <>
          <p className="govuk-body-s" role="status">
            Showing {formatCount(loaded.length)} of {formatCount(total)} evidence items
          </p>
          <Button type="button" variant="secondary" onClick={() => setStarts([...starts, next])}>
            Show more evidence
          </Button>
        </>
      )}
    </Fieldset>
  );
}
