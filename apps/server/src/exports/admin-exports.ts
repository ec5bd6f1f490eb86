import { ROLE_LABELS } from "@dapkit/contract";

import { allPages, defineExport, queryFilter } from "./define-export";

// A change's before and after, as JSON text a reader can search.
const json = (value: unknown) => (value == null ? null : JSON.stringify(value));

export const usersExport = defineExport({
  name: "users",
  title: "Users",
  rows: (caller) => caller.users.list(),
  columns: [
    { header: "Name", value: (user) => user.name },
    { header: "Email", value: (user) => user.email },
    { header: "Role", value: (user) => ROLE_LABELS[user.role] },
    { header: "Active", value: (user) => user.active },
    { header: "Linked staff record", value: (user) => user.staffId },
    { header: "Created", value: (user) => user.createdAt, format: "dateTime" },
  ],
});

// The audit viewer's filters, as its download link carries them; audit.list checks them.
const AUDIT_FILTERS = ["userId", "action", "entity", "from", "to"] as const;

export const auditExport = defineExport({
  name: "audit",
  title: "Audit log",
  rows: (caller, query) => {
    const filter = queryFilter(query, AUDIT_FILTERS);
    return allPages((page) => caller.audit.list({ ...filter, ...page }));
  },
  columns: [
    { header: "When", value: (entry) => entry.at, format: "dateTime" },
    { header: "Who", value: (entry) => entry.userName },
    { header: "Action", value: (entry) => entry.action },
    { header: "Record type", value: (entry) => entry.entity },
    { header: "Record", value: (entry) => entry.entityId },
    { header: "From address", value: (entry) => entry.source },
    { header: "Before", value: (entry) => json(entry.before) },
    { header: "After", value: (entry) => json(entry.after) },
  ],
});
