import { TRPCClientError } from "@trpc/client";
import { expect, test } from "vitest";

import { ApiError, formErrorsFrom, GENERIC_MESSAGE, isNetworkFailure } from "./api-errors";

function trpcError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

const LABELS = { title: "Title", level: "Level", capacity: "Number of places" };

test("puts zod input errors against their fields, with the label in front", () => {
  const error = trpcError("title: must not be empty\nlevel: must be a whole number from 1 to 4", {
    code: "BAD_REQUEST",
    httpStatus: 400,
    field: null,
    fieldErrors: { title: ["must not be empty"], level: ["must be a whole number from 1 to 4"] },
  });
  expect(formErrorsFrom(error, LABELS)).toEqual({
    fields: [
      { field: "title", message: "Title must not be empty" },
      { field: "level", message: "Level must be a whole number from 1 to 4" },
    ],
    form: null,
  });
});

test("reads nested paths of update inputs from the message lines", () => {
  const error = trpcError("data.capacity: must be at least 1 place", {
    code: "BAD_REQUEST",
    httpStatus: 400,
    field: null,
    fieldErrors: { data: ["must be at least 1 place"] },
  });
  expect(formErrorsFrom(error, LABELS).fields).toEqual([
    { field: "capacity", message: "Number of places must be at least 1 place" },
  ]);
});

test("shows a problem with a field the form does not have as a message for the form", () => {
  const error = trpcError("sessionId: must not be empty", {
    code: "BAD_REQUEST",
    httpStatus: 400,
    field: null,
    fieldErrors: { sessionId: ["must not be empty"] },
  });
  expect(formErrorsFrom(error, LABELS)).toEqual({
    fields: [],
    form: "sessionId: must not be empty",
  });
});

test("puts an AppError with a field against that field, keeping its whole sentence", () => {
  const error = trpcError("A course called Awareness already exists", {
    code: "CONFLICT",
    httpStatus: 409,
    field: "title",
    fieldErrors: null,
  });
  expect(formErrorsFrom(error, LABELS)).toEqual({
    fields: [{ field: "title", message: "A course called Awareness already exists" }],
    form: null,
  });
});

test("shows other refusals as one message for the form", () => {
  const error = trpcError("Your role does not allow this", {
    code: "FORBIDDEN",
    httpStatus: 403,
    field: null,
    fieldErrors: null,
  });
  expect(formErrorsFrom(error, LABELS)).toEqual({
    fields: [],
    form: "Your role does not allow this",
  });
});

test("never shows a server fault's own words, nor a dropped connection's", () => {
  const fault = trpcError("SQLITE_BUSY", { code: "INTERNAL_SERVER_ERROR", httpStatus: 500 });
  expect(formErrorsFrom(fault)).toEqual({ fields: [], form: GENERIC_MESSAGE });
  const offline = new TRPCClientError("Failed to fetch");
  expect(isNetworkFailure(offline)).toBe(true);
  expect(formErrorsFrom(offline)).toEqual({ fields: [], form: GENERIC_MESSAGE });
  expect(formErrorsFrom(new Error("boom"))).toEqual({ fields: [], form: GENERIC_MESSAGE });
});

test("maps errors from plain /api/ routes, such as a refused upload", () => {
  const tooBig = new ApiError({
    status: 413,
    code: "payload_too_large",
    message: "The file must be smaller than 20 MB",
    field: "file",
  });
  expect(formErrorsFrom(tooBig, { file: "File" })).toEqual({
    fields: [{ field: "file", message: "The file must be smaller than 20 MB" }],
    form: null,
  });
  const crashed = new ApiError({ status: 500, code: "internal", message: "stack trace" });
  expect(formErrorsFrom(crashed).form).toBe(GENERIC_MESSAGE);
});
