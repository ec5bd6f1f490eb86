// The SDK README's five lines, word for word: Lancashire's Years 2 and 3 budget split by workstream.
import { allocateByPercent, formatMoney, parseMoney } from "@dapkit/sdk/funding";
const percents = { workforce: 5, "early-support": 17, "medium-high-risk": 68, perpetrators: 10 };
const shares = Object.entries(percents).map(([key, percent]) => ({ key, percent }));
const split = allocateByPercent(parseMoney("£1,502,449"), shares);
for (const { key, amountPence } of split) console.log(key, formatMoney(amountPence));
