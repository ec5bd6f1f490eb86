import { readFileSync } from "node:fs";
import { Writable } from "node:stream";

import { zipSync } from "fflate";

import type { BenchContext } from "../context";
import { BENCH_NOW } from "../generate/clock";
import { time } from "../measure";
import { withRatio, type Measurement } from "../results";
import { loadEvidencePack, writeEvidencePack } from "../server";
import { PACK_ITEMS } from "../sizes";

// Counts the bytes written and throws them away, as a fast client would.
function sink(): Writable & { bytes: number } {
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.bytes += chunk.length;
      done();
    },
  }) as Writable & { bytes: number };
  out.bytes = 0;
  return out;
}

/**
 * The evidence pack ZIP of an organisation with 1,000 items, each with a file (every item, approved
 * or not), streamed as the download route streams it; the naive baseline reads every file into
 * memory and zips it in one go.
 */
export async function measureEvidencePack(context: BenchContext): Promise<Measurement[]> {
  const lead = context.generated.packOrganisation.users.accreditation_lead;
  const scope = context.scopeOf(lead);
  const { files } = context.app;
  let bytes = 0;
  const streamed = await time(
    async () => {
      const out = sink();
      await writeEvidencePack(out, {
        data: loadEvidencePack(scope, { include: "all" }),
        files,
        generatedAt: BENCH_NOW,
      });
      bytes = out.bytes;
    },
    { runs: context.runs.heavy },
  );
  const buffered = await time(
    () => {
      const data = loadEvidencePack(scope, { include: "all" });
      const entries: Record<string, Uint8Array> = {};
      for (const item of data.items) {
        if (item.latestRevision == null) continue;
        entries[`${item.id}.txt`] = readFileSync(files.pathOf(item.latestRevision.sha256));
      }
      return zipSync(entries);
    },
    { runs: context.runs.heavy },
  );
  return [
    withRatio({
      size: context.generated.size.name,
      name: `Evidence pack ZIP, ${PACK_ITEMS.toLocaleString("en-GB")} items (streamed)`,
      unit: "ms",
      result: streamed,
      baseline: { name: "every file read into memory and zipped at once", result: buffered },
      targets: [],
      notes: `${(bytes / 1024 / 1024).toFixed(1)} MB ZIP`,
    }),
  ];
}
