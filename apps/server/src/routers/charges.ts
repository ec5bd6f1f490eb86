import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import {
  getChargingPolicy,
  updateChargingPolicy,
  uploadBankHolidays,
} from "../services/charges/charging-policy";
import { listCharges } from "../services/charges/list-charges";
import { waiveCharge } from "../services/charges/waive-charge";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const { policy, list, waive } = contract.charges;

export const chargesRouter = {
  policy: {
    get: procedureFor(policy.get, ({ ctx }) => getChargingPolicy(scopeOf(ctx))),
    update: procedureFor(policy.update, ({ ctx, input }) =>
      updateChargingPolicy(scopeOf(ctx), input),
    ),
    uploadBankHolidays: procedureFor(policy.uploadBankHolidays, ({ ctx, input }) =>
      uploadBankHolidays(scopeOf(ctx), input),
    ),
  },
  list: procedureFor(list, ({ ctx, input }) => listCharges(scopeOf(ctx), input)),
  waive: procedureFor(waive, ({ ctx, input }) => waiveCharge(scopeOf(ctx), input)),
} satisfies TRPCRouterRecord;
