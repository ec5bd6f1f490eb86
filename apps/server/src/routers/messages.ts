import type { TRPCRouterRecord } from "@trpc/server";

import { contract } from "@dapkit/contract";

import { listMessages, resendMessage } from "../services/notifications/list-messages";
import {
  getMessageSettings,
  messagePreviews,
  updateMessageSettings,
} from "../services/notifications/message-settings";
import { scopeOf } from "../services/scope";
import { procedureFor } from "../trpc";

const { messages } = contract;

export const messagesRouter = {
  settings: {
    get: procedureFor(messages.settings.get, ({ ctx }) => getMessageSettings(scopeOf(ctx))),
    update: procedureFor(messages.settings.update, ({ ctx, input }) =>
      updateMessageSettings(scopeOf(ctx), input),
    ),
  },
  previews: procedureFor(messages.previews, ({ ctx }) => messagePreviews(scopeOf(ctx))),
  list: procedureFor(messages.list, ({ ctx, input }) => listMessages(scopeOf(ctx), input)),
  resend: procedureFor(messages.resend, ({ ctx, input }) => resendMessage(scopeOf(ctx), input)),
} satisfies TRPCRouterRecord;
