// Talks to a real tracker: sign in as the demo admin, call procedures by their contract names,
// check a refusal, a refused input with its field, and a tracker that cannot be reached.
import { createTrackerClient, isTrackerError, signInToTracker } from "@dapkit/sdk/client";

const [url, password] = process.argv.slice(2);

/** The TrackerError a call rejects with; anything else fails the smoke test. */
async function failure(call) {
  try {
    await call;
  } catch (error) {
    if (isTrackerError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

const anonymous = createTrackerClient({ url });
if ((await anonymous.auth.me.query()) != null) throw new Error("expected nobody signed in");

const tracker = createTrackerClient({ url });
await tracker.auth.signIn.mutate({ email: "admin@northshire.example", password });
const me = await tracker.auth.me.query();
if (me?.role !== "admin") throw new Error(`expected the admin, got ${JSON.stringify(me)}`);

const courses = await tracker.training.courses.list.query();
const sessions = await tracker.training.sessions.list.query({ pageSize: 5 });
const departments = await tracker.staff.departments.list.query();
if (courses.length === 0 || sessions.items.length === 0 || departments.length === 0) {
  throw new Error("expected the demo's courses, sessions and departments");
}

const { cookie, user } = await signInToTracker({ url, email: "hr@northshire.example", password });
const hr = createTrackerClient({ url, headers: { cookie } });
if ((await hr.auth.me.query())?.email !== user.email) throw new Error("the cookie did not sign in");

const refused = await failure(anonymous.users.list.query());
if (refused.code !== "UNAUTHORIZED" || refused.httpStatus !== 401) throw refused;

const invalid = await failure(tracker.training.courses.create.mutate({ title: " ", level: 9 }));
const paths = invalid.issues?.map((issue) => issue.path.join(".")).sort();
if (invalid.code !== "BAD_REQUEST" || invalid.field == null || paths?.join() !== "level,title") {
  throw new Error(`expected a refused input with its fields, got ${JSON.stringify(invalid)}`);
}
const update = await failure(
  tracker.training.courses.update.mutate({ id: courses[0].id, data: { title: "" } }),
);
if (update.field !== "title") throw new Error(`expected the field title, got ${update.field}`);

const unreachable = await failure(
  createTrackerClient({ url: "http://127.0.0.1:9" }).auth.me.query(),
);
if (unreachable.code !== "NETWORK_ERROR" || unreachable.httpStatus !== null) throw unreachable;

await tracker.auth.signOut.mutate();
if ((await tracker.auth.me.query()) != null) throw new Error("expected to be signed out");
console.log(
  `signed in as ${me.name} (${me.role}) and ${user.name} (${user.role}); ` +
    `${courses.length} courses, ${sessions.total} sessions; refused anonymous, ` +
    `invalid input (${paths.join(", ")}) and an unreachable tracker`,
);
