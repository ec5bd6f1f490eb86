import type { ComponentType } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";

import { RequirePermission } from "./components/require-permission";
import { NotFoundPage, RouteError } from "./components/route-error";
import { SignedInLayout, SignedOutLayout } from "./components/signed-in-layout";
import type { Permission } from "./lib/permissions";

// Each page is its own chunk, loaded when first visited, so the dashboard's first load carries
// only what the dashboard needs.
function page(
  path: string | undefined,
  load: () => Promise<ComponentType>,
  permission?: Permission,
): RouteObject {
  return {
    ...(path === undefined ? { index: true } : { path }),
    ErrorBoundary: RouteError,
    lazy: async () => {
      const Page = await load();
      return {
        Component:
          permission === undefined
            ? Page
            : () => (
                <RequirePermission permission={permission}>
                  <Page />
                </RequirePermission>
              ),
      };
    },
  };
}

// Shown while the first page's code loads, before the layout can be drawn.
function StartingUp() {
  return (
    <p className="govuk-body govuk-width-container" role="status">
      Loading dapkit…
    </p>
  );
}

/** Every page of the app and who may see it. */
export const routes: RouteObject[] = [
  {
    Component: SignedOutLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: StartingUp,
    children: [
      page("sign-in", async () => (await import("./pages/auth/sign-in-page")).SignInPage),
      page(
        "set-password",
        async () => (await import("./pages/auth/set-password-page")).SetPasswordPage,
      ),
    ],
  },
  {
    Component: SignedInLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: StartingUp,
    children: [
      page(undefined, async () => (await import("./pages/dashboard/dashboard-page")).DashboardPage),
      page("training", async () => (await import("./pages/training/sessions-page")).SessionsPage),
      page(
        "training/courses",
        async () => (await import("./pages/training/courses-page")).CoursesPage,
      ),
      page(
        "training/courses/new",
        async () => (await import("./pages/training/course-form-page")).CourseFormPage,
        "manageStaff",
      ),
      page(
        "training/courses/:courseId/edit",
        async () => (await import("./pages/training/course-form-page")).CourseFormPage,
        "manageStaff",
      ),
      page(
        "training/sessions/new",
        async () => (await import("./pages/training/session-form-page")).SessionFormPage,
        "manageStaff",
      ),
      page(
        "training/sessions/:sessionId",
        async () => (await import("./pages/training/session-page")).SessionPage,
      ),
      page(
        "training/sessions/:sessionId/edit",
        async () => (await import("./pages/training/session-form-page")).SessionFormPage,
        "manageStaff",
      ),
      page(
        "training/sessions/:sessionId/nominate",
        async () => (await import("./pages/training/nominate-page")).NominatePage,
        "nominate",
      ),
      page(
        "training/sessions/:sessionId/attendance",
        async () => (await import("./pages/training/attendance-page")).AttendancePage,
        "manageTraining",
      ),
      page(
        "training/sessions/:sessionId/move",
        async () => (await import("./pages/training/move-session-page")).MoveSessionPage,
        "manageTraining",
      ),
      page(
        "training/sessions/:sessionId/cancel",
        async () => (await import("./pages/training/cancel-session-page")).CancelSessionPage,
        "manageTraining",
      ),
      page(
        "training/sessions/:sessionId/close",
        async () => (await import("./pages/training/close-session-page")).CloseSessionPage,
        "manageTraining",
      ),
      page(
        "training/nominations/:nominationId",
        async () => (await import("./pages/training/nomination-page")).NominationPage,
      ),
      page(
        "training/nominations/:nominationId/cancel",
        async () => (await import("./pages/training/nomination-action-page")).CancelNominationPage,
        "cancelNomination",
      ),
      page(
        "training/nominations/:nominationId/substitute",
        async () => (await import("./pages/training/substitute-page")).SubstitutePage,
        "cancelNomination",
      ),
      page(
        "training/sessions/:sessionId/attendance/unscheduled",
        async () =>
          (await import("./pages/training/unscheduled-attendee-page")).UnscheduledAttendeePage,
        "manageTraining",
      ),
      page(
        "training/nominations/:nominationId/decline",
        async () => (await import("./pages/training/nomination-action-page")).DeclineNominationPage,
        "manageTraining",
      ),
      page(
        "training/nominations/:nominationId/correct",
        async () =>
          (await import("./pages/training/correct-attendance-page")).CorrectAttendancePage,
        "manageTraining",
      ),
      page(
        "partnership",
        async () => (await import("./pages/partnership/partnership-page")).PartnershipPage,
        "readPartnership",
      ),
      page(
        "partnership/agencies",
        async () => (await import("./pages/partnership/agencies-page")).AgenciesPage,
        "readPartnership",
      ),
      page(
        "partnership/agencies/new",
        async () => (await import("./pages/partnership/agency-form-page")).AgencyFormPage,
        "managePartnership",
      ),
      page(
        "partnership/agencies/:agencyId/edit",
        async () => (await import("./pages/partnership/agency-form-page")).AgencyFormPage,
        "managePartnership",
      ),
      page(
        "partnership/agencies/:agencyId/archive",
        async () => (await import("./pages/partnership/archive-agency-page")).ArchiveAgencyPage,
        "managePartnership",
      ),
      page(
        "partnership/charging-policy",
        async () => (await import("./pages/partnership/charging-policy-page")).ChargingPolicyPage,
        "readPartnership",
      ),
      page(
        "partnership/charges",
        async () => (await import("./pages/partnership/charges-page")).ChargesPage,
        "readPartnership",
      ),
      page(
        "partnership/charges/:chargeId/waive",
        async () => (await import("./pages/partnership/waive-charge-page")).WaiveChargePage,
        "managePartnership",
      ),
      page(
        "partnership/board-report",
        async () => (await import("./pages/partnership/board-report-page")).BoardReportPage,
        "readPartnership",
      ),
      page(
        "partnership/costs",
        async () =>
          (await import("./pages/partnership/costs/programme-costs-page")).ProgrammeCostsPage,
        "readPartnership",
      ),
      page(
        "partnership/costs/new",
        async () =>
          (await import("./pages/partnership/costs/programme-cost-form-page"))
            .ProgrammeCostFormPage,
        "managePartnership",
      ),
      page(
        "partnership/costs/sharing",
        async () => (await import("./pages/partnership/costs/cost-sharing-page")).CostSharingPage,
        "managePartnership",
      ),
      page(
        "partnership/costs/:costId/edit",
        async () =>
          (await import("./pages/partnership/costs/programme-cost-form-page"))
            .ProgrammeCostFormPage,
        "managePartnership",
      ),
      page(
        "partnership/costs/:costId/remove",
        async () =>
          (await import("./pages/partnership/costs/remove-programme-cost-page"))
            .RemoveProgrammeCostPage,
        "managePartnership",
      ),
      page(
        "partnership/framework",
        async () => (await import("./pages/partnership/framework/framework-page")).FrameworkPage,
        "readPartnership",
      ),
      page(
        "partnership/framework/edit",
        async () =>
          (await import("./pages/partnership/framework/framework-form-page")).FrameworkFormPage,
        "managePartnership",
      ),
      page(
        "partnership/framework/rules/new",
        async () =>
          (await import("./pages/partnership/framework/level-rule-form-page")).LevelRuleFormPage,
        "managePartnership",
      ),
      page(
        "partnership/framework/rules/:ruleId/remove",
        async () =>
          (await import("./pages/partnership/framework/remove-level-rule-page"))
            .RemoveLevelRulePage,
        "managePartnership",
      ),
      page("staff", async () => (await import("./pages/staff/staff-list-page")).StaffListPage),
      page(
        "staff/import",
        async () => (await import("./pages/staff/staff-import-page")).StaffImportPage,
        "manageStaff",
      ),
      page(
        "staff/new",
        async () => (await import("./pages/staff/staff-form-page")).StaffFormPage,
        "manageStaff",
      ),
      page(
        "staff/never-trained",
        async () => (await import("./pages/staff/never-trained-page")).NeverTrainedPage,
      ),
      page(
        "staff/refreshers-due",
        async () => (await import("./pages/staff/refreshers-due-page")).RefreshersDuePage,
      ),
      page(
        "staff/:staffId",
        async () => (await import("./pages/staff/staff-member-page")).StaffMemberPage,
      ),
      page(
        "staff/:staffId/edit",
        async () => (await import("./pages/staff/staff-form-page")).StaffFormPage,
        "manageStaff",
      ),
      page(
        "my-training",
        async () => (await import("./pages/my-training/my-training-page")).MyTrainingPage,
        "requestTraining",
      ),
      page(
        "my-training/sessions",
        async () => (await import("./pages/my-training/open-sessions-page")).OpenSessionsPage,
        "requestTraining",
      ),
      page(
        "my-training/sessions/:sessionId",
        async () => (await import("./pages/my-training/request-place-page")).RequestPlacePage,
        "requestTraining",
      ),
      page(
        "my-training/team-requests",
        async () => (await import("./pages/my-training/team-requests-page")).TeamRequestsPage,
        "decideTrainingRequests",
      ),
      page(
        "my-training/team-requests/:nominationId",
        async () => (await import("./pages/my-training/decide-request-page")).DecideRequestPage,
        "decideTrainingRequests",
      ),
      page(
        "my-training/evaluations/:nominationId/:stage",
        async () => (await import("./pages/evaluation/questionnaire-page")).QuestionnairePage,
        "requestTraining",
      ),
      page(
        "partnership/evaluation",
        async () =>
          (await import("./pages/evaluation/evaluation-results-page")).EvaluationResultsPage,
        "readPartnership",
      ),
      page(
        "partnership/evaluation/outcomes",
        async () =>
          (await import("./pages/evaluation/learning-outcomes-page")).LearningOutcomesPage,
        "manageStaff",
      ),
      page(
        "accreditation",
        async () =>
          (await import("./pages/accreditation/evidence-library-page")).EvidenceLibraryPage,
        "readEvidence",
      ),
      page(
        "accreditation/readiness",
        async () => (await import("./pages/accreditation/readiness-page")).ReadinessPage,
        "readEvidence",
      ),
      page(
        "accreditation/areas/:areaId",
        async () => (await import("./pages/accreditation/area-page")).AreaPage,
        "readEvidence",
      ),
      page(
        "accreditation/actions/:actionId",
        async () => (await import("./pages/accreditation/action-page")).ActionPage,
        "manageEvidence",
      ),
      page(
        "accreditation/evidence/new",
        async () => (await import("./pages/accreditation/evidence-form-page")).EvidenceFormPage,
        "manageEvidence",
      ),
      page(
        "accreditation/evidence/:evidenceId",
        async () => (await import("./pages/accreditation/evidence-page")).EvidencePage,
        "readEvidence",
      ),
      page(
        "accreditation/evidence/:evidenceId/edit",
        async () => (await import("./pages/accreditation/evidence-form-page")).EvidenceFormPage,
        "manageEvidence",
      ),
      page(
        "recommendations",
        async () =>
          (await import("./pages/recommendations/recommendations-page")).RecommendationsPage,
        "readRecommendations",
      ),
      page(
        "recommendations/new",
        async () =>
          (await import("./pages/recommendations/recommendation-form-page")).RecommendationFormPage,
        "manageRecommendations",
      ),
      page(
        "recommendations/:recommendationId/edit",
        async () =>
          (await import("./pages/recommendations/recommendation-form-page")).RecommendationFormPage,
        "manageRecommendations",
      ),
      page(
        "recommendations/committee-papers",
        async () =>
          (await import("./pages/committee-papers/committee-papers-page")).CommitteePapersPage,
        "readRecommendations",
      ),
      page(
        "recommendations/committee-papers/new",
        async () =>
          (await import("./pages/committee-papers/committee-paper-page")).CommitteePaperPage,
        "manageRecommendations",
      ),
      page(
        "recommendations/committee-papers/:paperId",
        async () =>
          (await import("./pages/committee-papers/committee-paper-page")).CommitteePaperPage,
        "readRecommendations",
      ),
      page(
        "recommendations/:recommendationId",
        async () =>
          (await import("./pages/recommendations/recommendation-page")).RecommendationPage,
        "readRecommendations",
      ),
      page(
        "funding",
        async () => (await import("./pages/funding/funding-plans-page")).FundingPlansPage,
        "readFunding",
      ),
      page(
        "funding/new",
        async () => (await import("./pages/funding/funding-plan-form-page")).FundingPlanFormPage,
        "manageFunding",
      ),
      page(
        "funding/compare",
        async () => (await import("./pages/funding/compare-plans-page")).ComparePlansPage,
        "readFunding",
      ),
      page(
        "funding/check-table",
        async () => (await import("./pages/funding/check-table-page")).CheckTablePage,
        "readFunding",
      ),
      page(
        "funding/:planId",
        async () => (await import("./pages/funding/funding-plan-page")).FundingPlanPage,
        "readFunding",
      ),
      page(
        "funding/:planId/edit",
        async () => (await import("./pages/funding/funding-plan-form-page")).FundingPlanFormPage,
        "manageFunding",
      ),
      page(
        "funding/:planId/copy",
        async () => (await import("./pages/funding/copy-plan-page")).CopyPlanPage,
        "manageFunding",
      ),
      page(
        "funding/:planId/partners/:partnerKey",
        async () => (await import("./pages/funding/partner-summary-page")).PartnerSummaryPage,
        "readFunding",
      ),
      page("users", async () => (await import("./pages/users/users-page")).UsersPage, "administer"),
      page(
        "users/invite",
        async () => (await import("./pages/users/invite-user-page")).InviteUserPage,
        "administer",
      ),
      page(
        "users/:userId",
        async () => (await import("./pages/users/user-page")).UserPage,
        "administer",
      ),
      page(
        "users/:userId/role",
        async () => (await import("./pages/users/change-role-page")).ChangeRolePage,
        "administer",
      ),
      page(
        "users/:userId/staff-record",
        async () => (await import("./pages/users/staff-record-page")).StaffRecordPage,
        "administer",
      ),
      page(
        "users/:userId/deactivate",
        async () => (await import("./pages/users/deactivate-user-page")).DeactivateUserPage,
        "administer",
      ),
      page(
        "users/:userId/reset-password",
        async () => (await import("./pages/users/reset-password-page")).ResetPasswordPage,
        "administer",
      ),
      page("account", async () => (await import("./pages/account/account-page")).AccountPage),
      page(
        "account/password",
        async () => (await import("./pages/account/change-password-page")).ChangePasswordPage,
      ),
      page(
        "account/sign-out-everywhere",
        async () =>
          (await import("./pages/account/sign-out-everywhere-page")).SignOutEverywherePage,
      ),
      page(
        "account/tokens/new",
        async () => (await import("./pages/account/create-token-page")).CreateTokenPage,
      ),
      page(
        "account/tokens/:tokenId/revoke",
        async () => (await import("./pages/account/revoke-token-page")).RevokeTokenPage,
      ),
      page("audit", async () => (await import("./pages/audit/audit-page")).AuditPage, "administer"),
      page(
        "settings",
        async () => (await import("./pages/settings/settings-page")).SettingsPage,
        "administer",
      ),
      { path: "*", Component: NotFoundPage },
    ],
  },
];

/** The browser router of the app. */
export const router = createBrowserRouter(routes);
