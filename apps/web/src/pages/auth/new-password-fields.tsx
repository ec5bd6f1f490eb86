import type { ComponentProps } from "react";

import { MIN_PASSWORD_LENGTH } from "@dapkit/contract";

import { TextInput } from "../../components/text-input";
import type { FieldError } from "../../lib/api-errors";

type FieldProps = Omit<ComponentProps<typeof TextInput>, "label">;

/** The message when the confirmation differs, on the confirmation field (checked before sending). */
export function confirmationProblem(password: string, confirm: string): FieldError | null {
  return password !== "" && confirm !== password
    ? { field: "confirm", message: "The passwords do not match" }
    : null;
}

/** A new password and its confirmation, with the length the contract asks for in the hint. */
export function NewPasswordFields({
  password,
  confirm,
}: {
  password: FieldProps;
  confirm: FieldProps;
}) {
  return (
    <>
      <TextInput
        label="New password"
        hint={`Use at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words together are easy to remember and hard to guess.`}
        type="password"
        autoComplete="new-password"
        {...password}
      />
      <TextInput
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        {...confirm}
      />
    </>
  );
}
