import * as z from "zod";

import { IdSchema } from "@dapkit/schemas";

/** Asks for one record by its id. */
export const ByIdInputSchema = z.object({ id: IdSchema });
