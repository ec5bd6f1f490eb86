// Talks to a real tracker: sign in as the demo admin, call procedures, check a refusal.
import { createTrackerClient, isTrackerError, signInToTracker } from "@dapkit/sdk/client";

const [url, password] = process.argv.slice(2);
const anonymous = createTrackerClient({ url });
if ((await anonymous.auth.me.query()) != null) throw new Error("expected nobody signed in");

const tracker = createTrackerClient({ url });
await tracker.auth.signIn.mutate({ email: "admin@northshire.example", password });
const me = await tracker.auth.me.query();
if (me?.role !== "admin") throw new Error(`expected the admin, got ${JSON.stringify(me)}`);

const { cookie, user } = await signInToTracker({ url, email: "hr@northshire.example", password });
const hr = createTrackerClient({ url, headers: { cookie } });
if ((await hr.auth.me.query())?.email !== user.email) throw new Error("the cookie did not sign in");

try {
  await anonymous.users.list.query();
  throw new Error("expected the tracker to refuse an anonymous call");
} catch (error) {
  if (!isTrackerError(error) || error.data?.code !== "UNAUTHORIZED") throw error;
}
await tracker.auth.signOut.mutate();
if ((await tracker.auth.me.query()) != null) throw new Error("expected to be signed out");
console.log(
  `signed in as ${me.name} (${me.role}) and ${user.name} (${user.role}); refused anonymous`,
);
