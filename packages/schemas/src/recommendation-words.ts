import type { RagRating, RecommendationStatus } from "./recommendation";

/**
 * Each recommendation status in words, in the order a form lists them.
 *
 * @example
 * RECOMMENDATION_STATUS_LABELS.on_hold; // "On hold"
 */
export const RECOMMENDATION_STATUS_LABELS: Readonly<Record<RecommendationStatus, string>> =
  Object.freeze({
    not_started: "Not started",
    in_progress: "In progress",
    on_hold: "On hold",
    completed: "Completed",
    not_agreed: "Not agreed",
  });

/**
 * Each RAG rating of a recommendation in words.
 *
 * @example
 * RAG_RATING_LABELS.amber; // "Amber"
 */
export const RAG_RATING_LABELS: Readonly<Record<RagRating, string>> = Object.freeze({
  red: "Red",
  amber: "Amber",
  green: "Green",
});
