import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES_BY_ID } from '../../src/core/audit/catalogue';
import { RULE_GROUPS, RULES_DOC, rulesDoc, rulesMarkdown } from '../../scripts/rules-doc';

/** The text under `### \`id\`` up to the next heading. */
function sectionOf(markdown: string, id: string): string {
  const start = markdown.indexOf(`### \`${id}\``);
  const end = markdown.indexOf('\n#', start + 1);
  return start < 0 ? '' : markdown.slice(start, end < 0 ? undefined : end);
}

describe('docs/rules.md generator', () => {
  const markdown = rulesMarkdown();

  it('gives every rule its severities, explanation, fix and source, linked when it has a URL', () => {
    for (const rule of RULES_BY_ID.values()) {
      const section = sectionOf(markdown, rule.id);
      expect(section, rule.id).toContain(`- Severity: ${rule.severities.join(' or ')}`);
      expect(section, rule.id).toContain(`- Why: ${rule.explanation}`);
      expect(section, rule.id).toContain(`- Fix: ${rule.fix}`);
      expect(section, rule.id).toContain(
        rule.sourceUrl === undefined ? `- Source: ${rule.source}` : `[${rule.source}](${rule.sourceUrl})`,
      );
    }
  });

  it('groups the rules like the catalogue, in its order', () => {
    let at = 0;
    for (const group of RULE_GROUPS) {
      at = markdown.indexOf(`## ${group.title}`, at);
      expect(at, group.title).toBeGreaterThan(0);
      for (const rule of group.rules) {
        const next = markdown.indexOf(`### \`${rule.id}\``, at);
        expect(next, rule.id).toBeGreaterThan(at);
        at = next;
      }
    }
  });

  it('lists the grade penalties and floors the audit uses', () => {
    expect(markdown).toContain('| critical | 40 |');
    expect(markdown).toContain('| A | 90 |');
  });

  it('is what is checked in (run `npm run docs` after changing a rule)', async () => {
    expect(readFileSync(RULES_DOC, 'utf8')).toBe(await rulesDoc());
  });
});
