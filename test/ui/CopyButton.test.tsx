// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyButton } from '../../src/ui/CopyButton';

afterEach(cleanup);

describe('CopyButton', () => {
  it('copies the full text and says "Copied"', async () => {
    const write = vi.fn(() => Promise.resolve());
    const full = 'v'.repeat(5000);
    render(<CopyButton text={full} what="value of sid" write={write} />);
    const button = screen.getByTestId('copy-value');
    expect(button).toHaveAccessibleName('Copy value of sid');
    fireEvent.click(button);
    expect(write).toHaveBeenCalledWith(full);
    await waitFor(() => expect(screen.getByTestId('copy-outcome')).toHaveTextContent('Copied'));
    expect(button.dataset.outcome).toBe('copied');
  });

  it('says why copying failed', async () => {
    const write = () => Promise.reject(new Error('Document is not focused.'));
    render(<CopyButton text="x" what="value of sid" write={write} />);
    fireEvent.click(screen.getByTestId('copy-value'));
    await waitFor(() =>
      expect(screen.getByTestId('copy-outcome')).toHaveTextContent('Copy failed: Document is not focused.'),
    );
    expect(screen.getByTestId('copy-value').dataset.outcome).toBe('failed');
  });

  it('uses navigator.clipboard by default', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    try {
      render(<CopyButton text="abc" what="value" />);
      fireEvent.click(screen.getByTestId('copy-value'));
      await waitFor(() => expect(screen.getByTestId('copy-outcome')).toHaveTextContent('Copied'));
      expect(writeText).toHaveBeenCalledWith('abc');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('does not let the click reach the row around it', () => {
    const onRow = vi.fn();
    render(
      <div onClick={onRow}>
        <CopyButton text="x" what="value" write={() => Promise.resolve()} />
      </div>,
    );
    fireEvent.click(screen.getByTestId('copy-value'));
    expect(onRow).not.toHaveBeenCalled();
  });
});
