import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState, type FormEvent } from "react";
import { expect, test } from "vitest";

import { useFormErrors, required } from "../lib/use-form-errors";
import { ErrorSummary } from "./error-summary";
import { TextInput } from "./text-input";

// A small form in the house pattern: check on submit, show the summary and the field's message.
function CourseForm() {
  const [title, setTitle] = useState("");
  const form = useFormErrors({ title: "Title" });
  function submit(event: FormEvent) {
    event.preventDefault();
    form.check([required("title", title, "Enter the course title")]);
  }
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <TextInput
          name="title"
          label="Course title"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={form.errorFor("title")}
        />
        <button type="submit">Save</button>
      </form>
    </>
  );
}

test("a bad submit shows the summary, focuses it, and its link focuses the field", async () => {
  const user = userEvent.setup();
  render(<CourseForm />);
  expect(screen.queryByText("There is a problem")).toBeNull();

  await user.click(screen.getByRole("button", { name: "Save" }));

  const summary = screen.getByText("There is a problem").closest(".govuk-error-summary");
  expect(document.activeElement).toBe(summary);
  const input = screen.getByLabelText("Course title");
  expect(input.className).toContain("govuk-input--error");
  expect(input.getAttribute("aria-describedby")).toBe("title-error");
  expect(document.getElementById("title-error")?.textContent).toBe("Error: Enter the course title");

  await user.click(screen.getByRole("link", { name: "Enter the course title" }));
  expect(document.activeElement).toBe(input);
});

test("the summary goes once the form is put right", async () => {
  const user = userEvent.setup();
  render(<CourseForm />);
  await user.click(screen.getByRole("button", { name: "Save" }));
  await user.type(screen.getByLabelText("Course title"), "Domestic abuse awareness");
  await user.click(screen.getByRole("button", { name: "Save" }));
  expect(screen.queryByText("There is a problem")).toBeNull();
});
