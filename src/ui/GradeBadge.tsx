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
