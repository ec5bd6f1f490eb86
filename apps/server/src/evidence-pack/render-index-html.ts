import { PACK_NOT_APPROVED, type EvidenceSummary } from "@dapkit/contract";
import { EVIDENCE_KIND_LABELS, EVIDENCE_STATUS_LABELS, RAG_LABELS } from "@dapkit/daha";
import { formatDate } from "@dapkit/schemas";

import type { PackContents } from "./pack-contents";

// A stored calendar date as GOV.UK writes it, or what to say when there is none.
function dateOr(isoDate: string | null, none: string): string {
  return isoDate == null ? none : formatDate(isoDate);
}

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe to place in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

// Plain GOV.UK-like styling, inline so the file stands alone; it prints in black and white, which
// is why every rating is also written in words.
const STYLE = `
body { font-family: Arial, sans-serif; color: #0b0c0c; margin: 0; line-height: 1.4; }
header { background: #0b0c0c; color: #fff; padding: 10px 30px; font-weight: bold; }
main { max-width: 1100px; margin: 0 auto; padding: 20px 30px 40px; }
h1 { font-size: 2rem; } h2 { font-size: 1.5rem; margin-top: 2.5rem; border-top: 1px solid #b1b4b6; padding-top: 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 20px; }
dt { font-weight: bold; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 0.95rem; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px 8px 0; border-bottom: 1px solid #b1b4b6; }
.tag { display: inline-block; padding: 2px 8px; font-weight: bold; border: 2px solid currentColor; }
.tag--red { color: #942514; background: #f4cdc6; } .tag--amber { color: #6e3619; background: #fcd6c3; }
.tag--green { color: #005a30; background: #cce2d8; }
.tag--not-approved { color: #0b0c0c; background: #fff; border-style: dashed; }
.notice { border-left: 10px solid #b1b4b6; padding: 10px 15px; }
a { color: #1d70b8; } .muted { color: #505a5f; }
@media print { header { background: none; color: #0b0c0c; border-bottom: 2px solid #0b0c0c; } h2 { break-before: auto; } tr { break-inside: avoid; } a { color: #0b0c0c; } }
`;

function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function fileCell(item: EvidenceSummary, path: string | undefined): string {
  if (path !== undefined) {
    return `<a href="${escapeHtml(encodePath(path))}">${escapeHtml(path.split("/").pop() ?? path)}</a>`;
  }
  const text = item.latestRevision == null ? "No file uploaded" : "File not available";
  return `<span class="muted">${text}</span>`;
}

const NOT_APPROVED_TAG = `<strong class="tag tag--not-approved">${PACK_NOT_APPROVED}</strong>`;

function itemRow(
  item: EvidenceSummary,
  options: { path: string | undefined; notApproved: boolean },
): string {
  const { path, notApproved } = options;
  const status = EVIDENCE_STATUS_LABELS[item.status];
  const cells = [
    notApproved ? `${escapeHtml(item.title)} ${NOT_APPROVED_TAG}` : escapeHtml(item.title),
    EVIDENCE_KIND_LABELS[item.kind],
    escapeHtml(item.owner),
    notApproved ? `${status} (${PACK_NOT_APPROVED.toLowerCase()})` : status,
    formatDate(item.effectiveDate),
    dateOr(item.reviewDate, "Not set"),
    dateOr(item.expiryDate, "Not set"),
    fileCell(item, path),
  ];
  return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join("")}</tr>`;
}

const ITEM_HEADINGS = ["Title", "Kind", "Owner", "Status", "Effective", "Review", "Expiry", "File"];

function areaSection(
  contents: PackContents,
  area: PackContents["readiness"]["areas"][number],
): string {
  const items = contents.items.filter((item) => item.areaId === area.areaId);
  const reasons = area.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join("");
  const table =
    items.length === 0
      ? `<p class="muted">No evidence recorded for this area.</p>`
      : `<table><thead><tr>${ITEM_HEADINGS.map((heading) => `<th scope="col">${heading}</th>`).join("")}</tr></thead><tbody>${items
          .map((item) =>
            itemRow(item, {
              path: contents.filePaths.get(item.id),
              notApproved: contents.notApproved.has(item.id),
            }),
          )
          .join("")}</tbody></table>`;
  return `<section id="area-${escapeHtml(area.areaId)}">
<h2>${escapeHtml(area.areaName)}</h2>
<p><strong class="tag tag--${area.rag}">${RAG_LABELS[area.rag]}</strong></p>
${reasons === "" ? "" : `<ul>${reasons}</ul>`}
${table}
</section>`;
}

function summaryTable(contents: PackContents): string {
  const rows = contents.readiness.areas
    .map(
      (area) =>
        `<tr><td><a href="#area-${escapeHtml(area.areaId)}">${escapeHtml(area.areaName)}</a></td><td><strong class="tag tag--${area.rag}">${RAG_LABELS[area.rag]}</strong></td><td>${String(contents.items.filter((item) => item.areaId === area.areaId).length)}</td></tr>`,
    )
    .join("");
  return `<table><thead><tr><th scope="col">Priority area</th><th scope="col">Readiness</th><th scope="col">Evidence items</th></tr></thead><tbody>${rows}</tbody></table>`;
}

// What the pack holds, said before anything else, so a pack with unapproved items cannot be
// mistaken for one without.
function scopeNotice(contents: PackContents): string {
  const count = contents.notApproved.size;
  if (count === 0) {
    return `<p class="notice">This pack holds only evidence that is approved and in date.</p>`;
  }
  const items =
    count === 1 ? "1 evidence item that is" : `${String(count)} evidence items that are`;
  return `<p class="notice"><strong>This pack includes ${items} not approved. Each is marked ${NOT_APPROVED_TAG}, and its file's name starts "${PACK_NOT_APPROVED} - ".</strong></p>`;
}

/**
 * The pack's `index.html`: a self-contained, printable page (no scripts, no outside requests) with
 * the readiness of each priority area in words and its evidence, linking to the files in the pack.
 * Every piece of stored text is HTML-escaped.
 */
export function renderIndexHtml(contents: PackContents): string {
  const organisation = escapeHtml(contents.organisationName);
  const generated = formatDate(contents.generatedAt);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>DAHA evidence pack: ${organisation}</title>
<style>${STYLE}</style>
</head>
<body>
<header>dapkit</header>
<main>
<h1>DAHA evidence pack</h1>
<dl>
<dt>Organisation</dt><dd>${organisation}</dd>
<dt>Framework</dt><dd>${escapeHtml(contents.framework.name)}</dd>
<dt>Date generated</dt><dd>${generated}</dd>
<dt>Readiness as of</dt><dd>${formatDate(contents.readiness.asOf)}</dd>
</dl>
${scopeNotice(contents)}
<h2>Readiness by priority area</h2>
${summaryTable(contents)}
${contents.readiness.areas.map((area) => areaSection(contents, area)).join("\n")}
</main>
</body>
</html>
`;
}
