import type { Page } from "playwright-core";

/** The funnel's figures as the dashboard's table beside the chart lists them. */
export async function funnelFigures(page: Page): Promise<Record<string, number>> {
  await page.goto("/");
  const table = page.getByTestId("funnel-figures");
  await table.waitFor();
  const figures: Record<string, number> = {};
  for (const row of await table.locator("tbody tr").all()) {
    const key = (await row.locator("th").textContent()) ?? "";
    const value = (await row.locator("td").textContent()) ?? "0";
    figures[key.trim()] = Number(value.replace(/,/g, ""));
  }
  return figures;
}
