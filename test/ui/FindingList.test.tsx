// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FindingList } from '../../src/ui/FindingList';
import { GradeBadge } from '../../src/ui/GradeBadge';
import { finding } from './fixtures';
import { datasets, expectTexts } from './render';

afterEach(cleanup);

describe('FindingList', () => {
  it("lists findings in the audit's order with explanation, fix and a link to the source", () => {
    render(
      <FindingList
        empty="none"
        findings={[
          finding({ ruleId: 'crit-one', severity: 'critical', detail: 'secret: keyboard cat', cookieKey: 'k1' }),
          finding({ ruleId: 'low-one', severity: 'low' }),
        ]}
        names={new Map([['k1', 'connect.sid']])}
      />,
    );
    const items = screen.getAllByTestId('finding');
    expect(datasets(items, 'rule', 'severity')).toEqual([
      ['crit-one', 'critical'],
      ['low-one', 'low'],
    ]);
    const first = items[0]!;
    expectTexts(
      first,
      'The session cookie is readable by page scripts.',
      'Fix: Set HttpOnly on the session cookie.',
      'secret: keyboard cat',
      'connect.sid',
    );
    const link = within(first).getByRole('link');
    expect(link.getAttribute('href')).toMatch(/^https:\/\/cheatsheetseries\.owasp\.org\//);
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('never renders a non-http source URL as a link', () => {
    render(<FindingList empty="none" findings={[finding({ sourceUrl: 'javascript:alert(1)' })]} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByTestId('finding')).toHaveTextContent('OWASP Session Management Cheat Sheet');
  });

  it('says so when there are no findings', () => {
    render(<FindingList empty="No findings for this cookie." findings={[]} />);
    expect(screen.getByTestId('no-findings')).toHaveTextContent('No findings for this cookie.');
    expect(screen.queryByTestId('finding')).toBeNull();
  });

  it('renders findings beyond the limit only when asked, in the same order', async () => {
    const many = ['critical', 'high', 'medium', 'low', 'info'].map((s, i) =>
      finding({ ruleId: `r${i}`, severity: s as 'info' }),
    );
    render(<FindingList empty="none" findings={many} limit={2} />);
    expect(screen.getAllByTestId('finding').map((f) => f.dataset.severity)).toEqual(['critical', 'high']);
    fireEvent.click(screen.getByTestId('more-findings'));
    await waitFor(() =>
      expect(screen.getAllByTestId('finding').map((f) => f.dataset.severity)).toEqual([
        'critical',
        'high',
        'medium',
        'low',
        'info',
      ]),
    );
    expect(screen.getByTestId('more-findings')).toHaveTextContent('Show fewer');
  });
});

describe('GradeBadge', () => {
  it('shows the grade and score as the contract says', () => {
    render(<GradeBadge audit={{ grade: 'C', score: 61, findings: [] }} />);
    const g = screen.getByTestId('grade');
    expect(g.dataset.grade).toBe('C');
    expect(g.dataset.score).toBe('61');
    expect(g).toHaveTextContent('C61/100');
  });
});
