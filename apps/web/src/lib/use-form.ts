import { useState, type ChangeEvent } from "react";

import type { DateParts } from "./date-parts";
import type { FieldLabels } from "./api-errors";
import { useFormErrors } from "./use-form-errors";

type Values = Record<string, unknown>;

/** The keys of `V` whose values are `T`. */
type KeysOf<V, T> = { [K in keyof V]: V[K] extends T ? K : never }[keyof V] & string;

/**
 * A form's values and errors in one place, with helpers that give each field component the
 * props it needs (`name`, `value`, `onChange`, `error`), so forms say only what differs.
 */
export function useForm<V extends Values>(initial: V | (() => V), labels: FieldLabels) {
  const [values, setValues] = useState<V>(initial);
  const errors = useFormErrors(labels);
  const set = <K extends keyof V>(name: K, value: V[K]) =>
    setValues((current) => ({ ...current, [name]: value }));
  return {
    ...errors,
    values,
    set,
    /** Props for a TextInput, Textarea or Select bound to a text value. */
    text: (name: KeysOf<V, string>) => ({
      name,
      value: values[name] as string,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
        set(name, event.target.value as V[typeof name]),
      error: errors.errorFor(name),
    }),
    /** Props for Radios bound to a choice (null until one is made). */
    choice: (name: KeysOf<V, string | null>) => ({
      name,
      value: values[name] as string | null,
      onChange: (value: string) => set(name, value as V[typeof name]),
      error: errors.errorFor(name),
    }),
    /** Props for a DateInput bound to day, month and year. */
    date: (name: KeysOf<V, DateParts>) => ({
      name,
      value: values[name] as DateParts,
      onChange: (value: DateParts) => set(name, value as V[typeof name]),
      error: errors.errorFor(name),
    }),
  };
}
