/** Wirral's published charging policy (£50 up to half a day, £90 a full day, 3 working days' notice), for tests. */
export const WIRRAL_POLICY = {
  enabled: true,
  noticeWorkingDays: 3,
  halfDayMaxMinutes: 240,
  lateCancellation: { halfDayPence: 5000, fullDayPence: 9000 },
  noShow: { halfDayPence: 5000, fullDayPence: 9000 },
  chargeMemberAgencies: true,
};
