// Loaded with no-client-hooks.js: importing the maths and schemas must not load the tracker client.
import { planFunding } from "@dapkit/sdk/funding";
import { FundingPlanSchema } from "@dapkit/sdk/schemas";
import { uptakeFunnel } from "@dapkit/sdk/training";
import { assessReadiness } from "@dapkit/sdk/daha";

const plan = FundingPlanSchema.parse({
  name: "Oxfordshire Domestic Abuse Service (ODAS)",
  financialYears: ["2017/18"],
  partners: [{ key: "occ", name: "Oxfordshire County Council" }],
  costs: [{ financialYear: "2017/18", amountPence: 33500000 }],
  contributions: [{ partner: "occ", financialYear: "2017/18", amountPence: 20000000 }],
});
console.log("gap", planFunding(plan).years[0].gapPence);
console.log("funnel", uptakeFunnel([{ state: "fully_attended" }, { state: "no_show" }]).attended);
console.log("readiness", typeof assessReadiness);
