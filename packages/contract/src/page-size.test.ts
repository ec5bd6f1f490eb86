import { expectTypeOf, test } from "vitest";
import type * as z from "zod";

import type { MAX_PAGE_SIZE, PageInputSchema, PageSize } from "./pagination";

test("pageSize is typed as the range the tracker accepts, 1 to MAX_PAGE_SIZE", () => {
  type Input = z.input<typeof PageInputSchema>;
  expectTypeOf<Input["pageSize"]>().toEqualTypeOf<PageSize | undefined>();
  expectTypeOf<typeof MAX_PAGE_SIZE>().toExtend<PageSize>();
  expectTypeOf<1>().toExtend<PageSize>();
  expectTypeOf<0>().not.toExtend<PageSize>();
  expectTypeOf<201>().not.toExtend<PageSize>();
  expectTypeOf<2.5>().not.toExtend<PageSize>();
  // @ts-expect-error 500 is more than a page may hold
  const tooBig: Input = { pageSize: 500 };
  void tooBig;
});
