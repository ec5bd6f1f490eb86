// London's calendar date is @dapkit/schemas' to say; this name stays for the evidence routes.
export { londonToday } from "@dapkit/schemas";
