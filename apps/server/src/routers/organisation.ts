import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { getSettings, updateSettings } from "../services/organisations/organisation-settings";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const { settings } = contract.organisation;

export const organisationRouter = {
  settings: {
    get: procedureFor(settings.get, ({ ctx }) => getSettings(scopeOf(ctx))),
    update: procedureFor(settings.update, ({ ctx, input }) => updateSettings(scopeOf(ctx), input)),
  },
} satisfies TRPCRouterRecord;
