// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CookieEditor } from '../../src/ui/CookieEditor';
import { NOW, record } from './fixtures';

afterEach(cleanup);

describe('CookieEditor', () => {
  it('shows a character that hides in a pasted domain, in the reason the browser would refuse it', () => {
    render(
      <CookieEditor
        initial={record({ name: 'sid', domain: 'app.example.com', hostOnly: false })}
        isNew={false}
        now={NOW}
        busy={false}
        onSave={() => undefined}
        onCancel={() => undefined}
      />,
    );
    fireEvent.input(screen.getByTestId('edit-domain'), { target: { value: 'app\u200b.example.com' } });
    const problem = screen.getByTestId('edit-problems').querySelector('li')!;
    expect(problem.textContent).toBe('"appU+200B.example.com" is not a host name');
    expect(problem.querySelector('.hidden-char')?.getAttribute('title')).toBe('U+200B');
  });
});
