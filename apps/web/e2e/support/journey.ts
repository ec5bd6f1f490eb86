import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

import { launchBrowser, newPage, signIn, type Role } from "./browser";
import { createFixtures, type Fixtures } from "./fixtures";
import { startServer, type RunningServer } from "./server";

/** What a journey's tests share; filled in before the first test runs. */
export interface Journey {
  server: RunningServer;
  browser: Browser;
  /** A tab signed in as the journey's role (absent when the journey has no role). */
  page: Page;
  fixtures: Fixtures;
}

/**
 * One test file's world: its own real server with a fresh database (plus the fixtures, unless
 * told not to), one Chromium, and a tab signed in as `role`; all closed after the last test.
 */
export function journey(role: Role | null, options: { fixtures?: boolean } = {}): Journey {
  const world = {} as Journey;
  beforeAll(async () => {
    world.server = await startServer();
    if (options.fixtures !== false) world.fixtures = await createFixtures(world.server.baseUrl);
    world.browser = await launchBrowser();
    if (role != null) {
      ({ page: world.page } = await newPage(world.browser, world.server.baseUrl));
      await signIn(world.page, role);
    }
  });
  afterAll(async () => {
    await world.browser.close();
    await world.server.stop();
  });
  return world;
}
