import type { Db } from "../../db/client";
import { log } from "../../log";
import type { ImportRunner } from "../imports/import-runner";
import { DELIVERY_BATCH, deliverDueMessages, type RetryPolicy } from "./deliver-messages";
import type { MailTransport } from "./mail-transport";
import { queueScheduledMessages } from "./scheduled-messages";

/** How often the sender looks for messages, and for scheduled messages that have become due. */
export interface SenderTiming {
  deliverEveryMs: number;
  scheduleEveryMs: number;
  policy?: RetryPolicy;
}

const DEFAULT_TIMING: SenderTiming = { deliverEveryMs: 2_000, scheduleEveryMs: 5 * 60_000 };

/** The running sender; `stop` waits for a delivery under way to finish. */
export interface MessageSender {
  stop(): Promise<void>;
}

/**
 * Starts the server's delivery loop: every few seconds it sends what the outbox holds that is due,
 * and every few minutes it works out the scheduled messages (reminders, follow-ups) that have
 * become due. A message written just before a crash is still in the outbox at the next start, so
 * it is delivered then. Errors are logged (never a message's content) and the loop carries on.
 */
export function startMessageSender(
  deps: { db: Db; now: () => Date; imports?: Pick<ImportRunner, "writesIdle"> | undefined },
  transport: MailTransport | null,
  timing: SenderTiming = DEFAULT_TIMING,
): MessageSender {
  let stopped = false;
  let lastSchedule = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  let wake: () => void = () => undefined;
  // Whether the pass found a full batch, so more may be waiting and the next starts at once.
  const tick = async (): Promise<boolean> => {
    try {
      // Its writes wait for an import's, as requests' do (see ImportRunner).
      await deps.imports?.writesIdle();
      const now = deps.now();
      if (now.getTime() - lastSchedule >= timing.scheduleEveryMs) {
        lastSchedule = now.getTime();
        queueScheduledMessages(deps.db, now);
      }
      const pass = await deliverDueMessages(deps.db, transport, { now, policy: timing.policy });
      const handled = pass.sent + pass.retrying + pass.failed + pass.notSent;
      if (pass.sent + pass.retrying + pass.failed > 0) log.info("messages delivered", { ...pass });
      return handled >= DELIVERY_BATCH;
    } catch (error) {
      log.error("the message sender failed", {
        error: error instanceof Error ? error.name : "unknown",
      });
      return false;
    }
  };
  const loop = async () => {
    while (!stopped) {
      if (await tick()) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, timing.deliverEveryMs);
      });
    }
  };
  const running = loop();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      wake();
      await running;
      transport?.close();
    },
  };
}
