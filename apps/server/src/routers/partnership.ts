import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { listAgencies } from "../services/partnership/agencies/agency-items";
import {
  getPartnershipSettings,
  updatePartnershipSettings,
} from "../services/partnership/agencies/partnership-settings";
import {
  archiveAgency,
  createAgency,
  updateAgency,
} from "../services/partnership/agencies/save-agency";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const { agencies, settings } = contract.partnership;

export const partnershipRouter = {
  agencies: {
    list: procedureFor(agencies.list, ({ ctx, input }) => listAgencies(ctx.db, ctx.user, input)),
    create: procedureFor(agencies.create, ({ ctx, input }) => createAgency(scopeOf(ctx), input)),
    update: procedureFor(agencies.update, ({ ctx, input }) => updateAgency(scopeOf(ctx), input)),
    archive: procedureFor(agencies.archive, ({ ctx, input }) => archiveAgency(scopeOf(ctx), input)),
  },
  settings: {
    get: procedureFor(settings.get, ({ ctx }) => getPartnershipSettings(scopeOf(ctx))),
    update: procedureFor(settings.update, ({ ctx, input }) =>
      updatePartnershipSettings(scopeOf(ctx), input),
    ),
  },
} satisfies TRPCRouterRecord;
