import type { SiteAudit } from '../core/audit/finding';

export function GradeBadge({ audit }: { audit: SiteAudit }) {
  return (
    <div
      class={`grade grade-${audit.grade.toLowerCase()}`}
      data-testid="grade"
      data-grade={audit.grade}
      data-score={String(audit.score)}
      title={`Cookie security grade ${audit.grade}, score ${audit.score} of 100`}
    >
      <span class="grade-letter">{audit.grade}</span>
      <span class="grade-score">{audit.score}/100</span>
    </div>
  );
}

/** Where the grade will be while the analysis runs: the same box, so the header does not move when it comes. */
export function GradePending() {
  return (
    <div class="grade grade-pending" data-testid="grade-pending" title="Grading these cookies…">
      <span class="grade-letter" aria-hidden="true">
        …
      </span>
      <span class="grade-score">grading</span>
    </div>
  );
}
