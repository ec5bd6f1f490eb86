/**
 * Where messages' links point and whom they come from: the process's DAPKIT_PUBLIC_URL and
 * DAPKIT_MAIL_FROM. Messages are composed inside the transactions of the changes that cause them,
 * deep in services that know nothing of the environment, so the server sets these once at start.
 */
export interface MessageConfig {
  publicUrl: string;
  /** The address messages come from, and calendar invitations' organiser. */
  fromAddress: string;
  /** Whether a mail server is set up (DAPKIT_SMTP_URL): without one messages are kept, not sent. */
  deliveryConfigured: boolean;
}

/** Until the server configures them: this machine's default port and a local sender. */
export const DEFAULT_MESSAGE_CONFIG: MessageConfig = {
  publicUrl: "http://localhost:3000",
  fromAddress: "dapkit@localhost",
  deliveryConfigured: false,
};

let current: MessageConfig = DEFAULT_MESSAGE_CONFIG;

/** Sets the links' origin and the sender address (the server, at start; tests). */
export function configureMessages(config: MessageConfig): void {
  current = { ...config, publicUrl: config.publicUrl.replace(/\/+$/, "") };
}

/** The links' origin and the sender address now in force. */
export function messageConfig(): MessageConfig {
  return current;
}
