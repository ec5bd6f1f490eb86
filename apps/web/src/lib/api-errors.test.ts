import { TRPCClientError } from "@trpc/client";
import { expect, test } from "vitest";

import type { ApiErrorData } from "@dapkit/contract";

import {
  ApiError,
  formErrorsFrom,
  formErrorsFromIssues,
  GENERIC_MESSAGE,
  isNetworkFailure,
} from "./api-errors";

// An error as the tRPC client hands it over: the message, and the server's ApiErrorData.
function trpcError(message: string, data: Partial<ApiErrorData>) {
  return TRPCClientError.from({
    error: {
      message,
      code: -32600,
      data: {
        code: "BAD_REQUEST",
        httpStatus: 400,
        path: null,
        field: null,
        issues: null,
        ...data,
      },
    },
  });
}

const LABELS = { title: "Title", level: "Level", capacity: "Number of places" };

test("puts each input issue against its field, with the label in front", () => {
  const error = trpcError("a message no one parses", {
    field: "title",
    issues: [
      { path: ["title"], code: "too_small", message: "must not be empty" },
      { path: ["level"], code: "too_big", message: "must be a whole number from 1 to 4" },
    ],
  });
  expect(formErrorsFrom(error, LABELS)).toEqual({
    fields: [
      { field: "title", message: "Title must not be empty" },
      { field: "level", message: "Level must be a whole number from 1 to 4" },
    ],
    form: null,
  });
});

test("finds the field inside an update's data, and shows each field's first problem only", () => {
  const error = trpcError("ignored", {
    issues: [
      { path: ["data", "capacity"], code: "too_small", message: "must be at least 1 place" },
      { path: ["data", "capacity"], code: "custom", message: "a second problem" },
    ],
  });
  expect(formErrorsFrom(error, LABELS).fields).toEqual([
    { field: "capacity", message: "Number of places must be at least 1 place" },
  ]);
});

test("shows a problem with input the form has no field for as a message for the form", () => {
  const error = trpcError("ignored", {
    issues: [
      { path: ["sessionId"], code: "too_small", message: "must not be empty" },
      { path: [], code: "invalid_type", message: "must be an object" },
      { path: ["title"], code: "too_small", message: "must not be empty" },
    ],
  });
  expect(formErrorsFrom(error, LABELS)).toEqual({
    fields: [{ field: "title", message: "Title must not be empty" }],
    form: "sessionId: must not be empty\nmust be an object",
  });
});

test("puts a service's refusal of one field against it, keeping its whole sentence", () => {
  const message = "A course called Awareness already exists";
  const error = trpcError(message, {
    code: "CONFLICT",
    httpStatus: 409,
    field: "title",
    issues: [{ path: ["title"], code: "custom", message }],
  });
  expect(formErrorsFrom(error, LABELS)).toEqual({
    fields: [{ field: "title", message }],
    form: null,
  });
  // The same when only the field is given.
  const bare = trpcError(message, { code: "CONFLICT", httpStatus: 409, field: "title" });
  expect(formErrorsFrom(bare, LABELS).fields).toEqual([{ field: "title", message }]);
});

test("shows other refusals as one message for the form", () => {
  const error = trpcError("Your role does not allow this", { code: "FORBIDDEN", httpStatus: 403 });
  expect(formErrorsFrom(error, LABELS)).toEqual({
    fields: [],
    form: "Your role does not allow this",
  });
  const elsewhere = trpcError("Wrong email or password", { httpStatus: 401, field: "email" });
  expect(formErrorsFrom(elsewhere, LABELS).form).toBe("Wrong email or password");
});

test("never shows a server fault's own words, nor a dropped connection's", () => {
  const fault = trpcError("SQLITE_BUSY", { code: "INTERNAL_SERVER_ERROR", httpStatus: 500 });
  expect(formErrorsFrom(fault)).toEqual({ fields: [], form: GENERIC_MESSAGE });
  const offline = new TRPCClientError("Failed to fetch");
  expect(isNetworkFailure(offline)).toBe(true);
  expect(isNetworkFailure(fault)).toBe(false);
  expect(formErrorsFrom(offline)).toEqual({ fields: [], form: GENERIC_MESSAGE });
  expect(formErrorsFrom(new Error("boom"))).toEqual({ fields: [], form: GENERIC_MESSAGE });
});

test("adds to problems the form found itself, which keep their fields", () => {
  const own = { fields: [{ field: "level", message: "Select the course level" }], form: null };
  const found = formErrorsFromIssues(
    [
      { path: ["level"], code: "invalid_type", message: "must be a whole number from 1 to 4" },
      { path: ["title"], code: "too_small", message: "must not be empty" },
    ],
    LABELS,
    own,
  );
  expect(found.fields).toEqual([
    { field: "level", message: "Select the course level" },
    { field: "title", message: "Title must not be empty" },
  ]);
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
  expect(formErrorsFrom(tooBig).form).toBe("The file must be smaller than 20 MB");
  const crashed = new ApiError({ status: 500, code: "internal", message: "stack trace" });
  expect(formErrorsFrom(crashed).form).toBe(GENERIC_MESSAGE);
});
