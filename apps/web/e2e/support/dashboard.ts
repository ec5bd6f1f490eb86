import type { Page } from "playwright-core";

/** The funnel's figures as the dashboard lists them beside the chart. */
export async function funnelFigures(page: Page): Promise<Record<string, number>> {
  await page.goto("/");
  const list = page.getByTestId("funnel-figures");
  await list.waitFor();
  const rows = await list.locator(".govuk-summary-list__row").all();
  const figures: Record<string, number> = {};
  for (const row of rows) {
    const key = (await row.locator("dt").textContent()) ?? "";
    const value = (await row.locator("dd").textContent()) ?? "0";
    figures[key.trim()] = Number(value.replace(/,/g, ""));
  }
  return figures;
}
