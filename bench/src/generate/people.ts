import type { SizeSpec } from "../sizes";

/** One member of staff as the generator plans them (a row of the HR system's export). */
export interface PlannedPerson {
  employeeNumber: string;
  name: string;
  department: string;
  managerNumber: string | null;
  active: boolean;
  /** Whether this person is a line manager (heads and team managers). */
  manages: boolean;
}

const DEPARTMENTS = [
  "Adult Social Care",
  "Children's Services",
  "Housing",
  "Public Health",
  "Community Safety",
  "Education",
  "Highways",
  "Libraries and Culture",
  "Revenues and Benefits",
  "Legal Services",
  "Human Resources",
  "Finance",
  "Customer Services",
  "Waste and Recycling",
  "Planning",
  "Environmental Health",
  "Trading Standards",
  "Registrars",
  "Parks and Leisure",
  "Transport",
  "Property Services",
  "Democratic Services",
  "Digital Services",
  "Procurement",
] as const;

const FIRST = ["Asha", "Ben", "Chloe", "Dev", "Ellen", "Femi", "Grace", "Hamid", "Isla", "Jon"];
const LAST = ["Patel", "Okafor", "Smith", "Jones", "Nowak", "Khan", "Evans", "Murphy", "Wood"];

// Team managers lead about ten people each, as in most council structures.
const SPAN_OF_CONTROL = 10;

function employeeNumber(n: number): string {
  return `E${String(n).padStart(7, "0")}`;
}

/**
 * The staff of an organisation of `size`: each department has a head, team managers reporting to
 * the head and officers reporting to a team manager; about 3 % have left (inactive). People are
 * listed managers first, so any chunk of the list names only managers already listed.
 */
export function planPeople(size: SizeSpec): PlannedPerson[] {
  const heads: PlannedPerson[] = [];
  const managers: PlannedPerson[] = [];
  const officers: PlannedPerson[] = [];
  let n = 0;
  const person = (department: string, managerNumber: string | null, manages: boolean) => {
    n += 1;
    const name = `${FIRST[n % FIRST.length] ?? ""} ${LAST[(n * 7) % LAST.length] ?? ""} ${n}`;
    const active = manages || n % 33 !== 0;
    return { employeeNumber: employeeNumber(n), name, department, managerNumber, active, manages };
  };
  const perDepartment = Math.floor(size.staff / size.departments);
  for (let d = 0; d < size.departments; d += 1) {
    const department = DEPARTMENTS[d] ?? `Department ${String(d + 1)}`;
    const count = d === size.departments - 1 ? size.staff - perDepartment * d : perDepartment;
    const head = person(department, null, true);
    heads.push(head);
    const teams = Math.max(1, Math.round((count - 1) / (SPAN_OF_CONTROL + 1)));
    const teamManagers = Array.from({ length: teams }, () =>
      person(department, head.employeeNumber, true),
    );
    managers.push(...teamManagers);
    for (let i = 0; i < count - 1 - teams; i += 1) {
      const manager = teamManagers[i % teams] ?? head;
      officers.push(person(department, manager.employeeNumber, false));
    }
  }
  return [...heads, ...managers, ...officers];
}

/** The staff file columns, in the order the staff import reads them. */
export const STAFF_HEADER = [
  "employee_number",
  "name",
  "email",
  "job_title",
  "department",
  "manager_employee_number",
  "active",
] as const;

/** A person as a row of a staff file. */
export function staffRow(person: PlannedPerson): string[] {
  const email = `${person.employeeNumber.toLowerCase()}@council.example`;
  const jobTitle =
    person.managerNumber == null ? "Head of Service" : person.manages ? "Team Manager" : "Officer";
  return [
    person.employeeNumber,
    person.name,
    email,
    jobTitle,
    person.department,
    person.managerNumber ?? "",
    person.active ? "yes" : "no",
  ];
}
