import type { RecommendationStatus } from "@dapkit/schemas";

/** A recommendation to seed, with its dated progress notes oldest first. */
export interface RecommendationSeed {
  reference: string;
  title: string;
  owner: string;
  status: RecommendationStatus;
  updates: readonly { date: string; note: string; status: RecommendationStatus }[];
}

/** The review the demo recommendations come from. */
export const OXFORDSHIRE_REVIEW_SOURCE = "Strategic Review of Domestic Abuse in Oxfordshire";

// Progress as reported to the Health Improvement Board on 10 April 2017, and (where the same work
// is mentioned) to Oxford City Council's Scrutiny Committee on 5 April 2022. Owners are roles and
// groups, never named people.
const APRIL_2017 = "2017-04-10";
const APRIL_2022 = "2022-04-05";

/** The nine recommendations of the Strategic Review of Domestic Abuse in Oxfordshire (2017). */
export const oxfordshireRecommendations: readonly RecommendationSeed[] = [
  {
    reference: "1",
    title:
      "Endorse and put in place a pathway of domestic abuse services based on the needs the review identified",
    owner: "Strategic Lead for Domestic Abuse",
    status: "in_progress",
    updates: [
      {
        date: APRIL_2017,
        note: "Current funding does not meet the cost of the recommended services; funders must decide whether to close the gap or reduce provision. The specialist service contract has been extended from 31 January 2017 to 31 March 2018 so that the pathway can be co-commissioned.",
        status: "in_progress",
      },
    ],
  },
  {
    reference: "2",
    title: "Put in place the proposed new governance structure for domestic abuse",
    owner: "Strategic Lead for Domestic Abuse",
    status: "in_progress",
    updates: [
      {
        date: APRIL_2017,
        note: "A multi-agency workshop of senior leaders is planned for May to finalise the governance arrangements.",
        status: "in_progress",
      },
    ],
  },
  {
    reference: "3",
    title:
      "Set up task and finish groups on hidden domestic abuse, prevention (including schools and GP practices), multi-agency working and data capture, and the viability and effectiveness of perpetrator interventions",
    owner: "Domestic Abuse Strategic Group",
    status: "in_progress",
    updates: [
      {
        date: APRIL_2017,
        note: "Task and finish groups have been set up as part of the wider implementation plan.",
        status: "in_progress",
      },
      {
        date: APRIL_2022,
        note: "Three perpetrator programmes are running in the city; the Domestic Abuse Strategic Board is exploring a community-based programme for perpetrators not known to children's social care or the police.",
        status: "in_progress",
      },
    ],
  },
  {
    reference: "4",
    title:
      "Adopt a co-commissioning approach that identifies resources, agrees outcomes and measures success and implementation",
    owner: "Joint Commissioning Team",
    status: "in_progress",
    updates: [
      {
        date: APRIL_2017,
        note: "A co-funded approach is being developed with the district councils, community safety partnerships and the Office of the Police and Crime Commissioner. What will be commissioned and the total funds available are still to be agreed; a senior leaders' workshop in May will agree the funding.",
        status: "in_progress",
      },
      {
        date: APRIL_2022,
        note: "The city council's Domestic Abuse Lead represents it on the Domestic Abuse Strategic Board and in the co-commissioning of domestic abuse services.",
        status: "in_progress",
      },
    ],
  },
  {
    reference: "5",
    title:
      "Include the voice of service users in all service development and commissioning, reporting it to both the domestic abuse operational and strategic groups",
    owner: "Domestic Abuse Operational Group",
    status: "in_progress",
    updates: [
      {
        date: APRIL_2017,
        note: "All work taken forward will seek to include the voices of service users, their families and those who work closely with them.",
        status: "in_progress",
      },
      {
        date: APRIL_2022,
        note: "A Lived Experience Group will act as critical friends to the county's domestic abuse strategies and action plans.",
        status: "in_progress",
      },
    ],
  },
  {
    reference: "6",
    title:
      "Strengthen strategic and operational links between domestic abuse and sexual violence services",
    owner: "Domestic Abuse Strategic Group",
    status: "not_started",
    updates: [],
  },
  {
    reference: "7",
    title: "Develop a co-funded domestic abuse training strategy to deliver multi-agency training",
    owner: "Domestic Abuse Strategic Group",
    status: "in_progress",
    updates: [
      {
        date: APRIL_2017,
        note: "Work has started on a multi-agency training strategy, led by the Domestic Abuse Strategic Group.",
        status: "in_progress",
      },
      {
        date: APRIL_2022,
        note: "56 of the 90 city council staff nominated by their managers attended domestic abuse training; more sessions are being arranged.",
        status: "in_progress",
      },
    ],
  },
  {
    reference: "8",
    title:
      "The Safer Oxfordshire Partnership to develop a five-year strategic plan for domestic abuse, covering sustainable funding of services and longer-term outcomes for victims",
    owner: "Safer Oxfordshire Partnership",
    status: "in_progress",
    updates: [
      {
        date: APRIL_2022,
        note: "The Oxfordshire Safe Accommodation Strategy has been signed off and the Oxfordshire Domestic Abuse Strategy is out for consultation.",
        status: "in_progress",
      },
    ],
  },
  {
    reference: "9",
    title:
      "Develop and put in place an information strategy so that accessible information reaches both those affected by domestic abuse and those who respond to it",
    owner: "Domestic Abuse Strategic Group",
    status: "in_progress",
    updates: [
      {
        date: APRIL_2017,
        note: "Work has started on a communications strategy, led by the Domestic Abuse Strategic Group.",
        status: "in_progress",
      },
    ],
  },
];
