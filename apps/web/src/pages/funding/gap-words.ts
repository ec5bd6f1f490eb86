import { formatMoney } from "@dapkit/funding";

/** A gap in words, never by sign or colour alone: "£20,000 shortfall", "£5,000 surplus", "Balanced". */
export function gapWords(gapPence: number): string {
  if (gapPence > 0) return `${formatMoney(gapPence)} shortfall`;
  if (gapPence < 0) return `${formatMoney(-gapPence)} surplus`;
  return "Balanced";
}
