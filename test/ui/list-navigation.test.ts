// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { focusTarget, isListKey, listTarget } from '../../src/ui/list-navigation';

describe('list navigation', () => {
  it('steps and jumps within bounds', () => {
    expect(listTarget('ArrowDown', 0, 3)).toBe(1);
    expect(listTarget('ArrowDown', 2, 3)).toBe(2);
    expect(listTarget('ArrowUp', 0, 3)).toBe(0);
    expect(listTarget('ArrowUp', 2, 3)).toBe(1);
    expect(listTarget('Home', 2, 3)).toBe(0);
    expect(listTarget('End', 0, 3)).toBe(2);
  });

  it('starts at an end with nothing current, and ignores other keys and empty lists', () => {
    expect(listTarget('ArrowDown', -1, 3)).toBe(0);
    expect(listTarget('ArrowUp', -1, 3)).toBe(2);
    expect(listTarget('Enter', 1, 3)).toBeNull();
    expect(listTarget('ArrowDown', -1, 0)).toBeNull();
    expect(isListKey('End')).toBe(true);
    expect(isListKey('Tab')).toBe(false);
  });

  it('moves by a page with PageDown/PageUp only when the list gives its page size', () => {
    expect(listTarget('PageDown', 0, 100, 20)).toBe(20);
    expect(listTarget('PageDown', 90, 100, 20)).toBe(99);
    expect(listTarget('PageUp', 30, 100, 20)).toBe(10);
    expect(listTarget('PageUp', 5, 100, 20)).toBe(0);
    expect(listTarget('PageDown', -1, 100, 20)).toBe(0);
    expect(listTarget('PageDown', 0, 100, 0)).toBe(1);
    expect(listTarget('PageDown', 0, 100)).toBeNull();
    expect(isListKey('PageDown')).toBe(false);
    expect(isListKey('PageDown', true)).toBe(true);
  });

  it('finds the element to focus among a container’s matches', () => {
    const [a, b, other] = ['t', 't', 'other'].map((cls) => {
      const el = document.createElement('button');
      el.className = cls;
      document.body.append(el);
      return el;
    });
    expect(focusTarget(document.body, '.t', a!, 'ArrowDown')).toBe(b);
    expect(focusTarget(document.body, '.t', b!, 'Home')).toBe(a);
    expect(focusTarget(document.body, '.t', other!, 'ArrowDown')).toBeNull();
    expect(focusTarget(document.body, '.t', a!, 'x')).toBeNull();
  });
});
