// Fictional people for the demo organisation: common given names and surnames combined in a fixed
// order, so every run produces the same staff and nobody real is described.
const GIVEN = [
  "Aisha",
  "Ben",
  "Chloe",
  "Daniel",
  "Ella",
  "Farah",
  "George",
  "Hannah",
  "Isaac",
  "Jade",
  "Kieran",
  "Leah",
  "Mohammed",
  "Niamh",
  "Oliver",
  "Priya",
  "Quinn",
  "Rosie",
  "Sam",
  "Tariq",
  "Una",
  "Vikram",
  "Willow",
  "Yusuf",
  "Zara",
  "Aaron",
  "Bethany",
  "Callum",
  "Demi",
  "Ethan",
];
const FAMILY = [
  "Ahmed",
  "Bennett",
  "Clarke",
  "Davies",
  "Evans",
  "Fletcher",
  "Green",
  "Hughes",
  "Iqbal",
  "Jones",
  "Khan",
  "Lewis",
  "Morgan",
  "Nolan",
  "Owen",
  "Patel",
  "Quigley",
  "Roberts",
  "Singh",
  "Taylor",
  "Usman",
  "Vaughan",
  "Walsh",
  "Young",
];

/** The n-th fictional name (0-based); the first 720 are all different. */
export function demoName(n: number): string {
  const given = GIVEN[n % GIVEN.length] ?? "Alex";
  const family = FAMILY[(n + Math.floor(n / GIVEN.length)) % FAMILY.length] ?? "Smith";
  return `${given} ${family}`;
}

/** Departments of the demo council, each with a manager and the job titles of their team. */
export const DEMO_DEPARTMENTS = [
  {
    name: "Housing Options",
    team: 22,
    titles: ["Housing options officer", "Homelessness caseworker"],
  },
  { name: "Tenancy Services", team: 20, titles: ["Tenancy officer", "Income officer"] },
  { name: "Children's Services", team: 18, titles: ["Social worker", "Family support worker"] },
  { name: "Adult Social Care", team: 16, titles: ["Care manager", "Occupational therapist"] },
  {
    name: "Community Safety",
    team: 12,
    titles: ["Community safety officer", "Anti-social behaviour officer"],
  },
  {
    name: "Customer Services",
    team: 14,
    titles: ["Customer adviser", "Contact centre team leader"],
  },
] as const;
