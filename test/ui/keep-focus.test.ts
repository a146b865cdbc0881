// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { keepFocus, type KeepFocusOptions } from '../../src/ui/keep-focus';

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  document.body.replaceChildren();
});

/** A view of `html` in the document, watched. */
function view(html: string, options?: KeepFocusOptions): HTMLElement {
  const root = document.createElement('main');
  root.innerHTML = html;
  document.body.append(root);
  stops.push(keepFocus(root, options));
  return root;
}

const el = (root: ParentNode, selector: string): HTMLElement => {
  const found = root.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

/** The mutation observer's callback runs as a microtask after the change: let it. */
const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What holds focus, as a test id or a tag. */
function focused(): string | null {
  const a = document.activeElement;
  if (!a || a === document.body) return 'body';
  return a.getAttribute('data-testid') ?? a.id ?? a.tagName;
}

const ITEMS = `
  <button data-testid="before">Before</button>
  <ul>
    <li id="a"><span>a</span><button data-testid="copy" id="a-copy">Copy</button><button data-testid="delete" id="a-del">Delete</button></li>
    <li id="b"><span>b</span><button data-testid="copy" id="b-copy">Copy</button><button data-testid="delete" id="b-del">Delete</button></li>
    <li id="c"><span>c</span><button data-testid="copy" id="c-copy">Copy</button><button data-testid="delete" id="c-del">Delete</button></li>
  </ul>
  <button data-testid="after">After</button>`;

describe('keepFocus', () => {
  it('gives the same control of the next item the focus when the focused item is removed', async () => {
    const root = view(ITEMS);
    el(root, '#b-del').focus();
    el(root, '#b').remove();
    await settled();
    expect(document.activeElement?.id).toBe('c-del');
  });

  it('goes to the item before when the last item went, and on down a run of deletes', async () => {
    const root = view(ITEMS);
    el(root, '#c-del').focus();
    el(root, '#c').remove();
    await settled();
    expect(document.activeElement?.id).toBe('b-del');
    el(root, '#b').remove();
    await settled();
    expect(document.activeElement?.id).toBe('a-del');
  });

  it('goes to what the same change put in the removed element’s place before its neighbours (an editor closed)', async () => {
    const root = view(`<div id="detail"><form id="editor"><textarea data-testid="edit-value"></textarea></form>
      <ul><li><a href="https://example.com/" id="link">a finding's link</a></li></ul></div>`);
    el(root, 'textarea').focus();
    const actions = document.createElement('div');
    actions.innerHTML = '<button data-testid="cookie-edit" id="edit">Edit</button>';
    el(root, '#detail').insertBefore(actions, el(root, '#editor'));
    el(root, '#editor').remove();
    await settled();
    expect(document.activeElement?.id).toBe('edit');
  });

  it('goes to the controls around a list that went whole, the nearest after it first', async () => {
    const root = view(ITEMS);
    el(root, '#a-del').focus();
    el(root, 'ul').remove();
    await settled();
    expect(focused()).toBe('after');
  });

  it('goes up to an emptied list’s neighbours when its last item went, and before it when nothing follows', async () => {
    const root = view(
      `<button data-testid="before">Before</button><section><ul><li><button id="only">x</button></li></ul></section>`,
    );
    el(root, '#only').focus();
    el(root, 'li').remove();
    await settled();
    expect(focused()).toBe('before');
  });

  it('prefers the item’s own stop over its first control when the item has no such control', async () => {
    const root = view(
      `<ul>
        <li id="a"><input type="checkbox" id="a-check"><button class="toggle" id="a-toggle">a</button><button data-testid="delete" id="a-del">Delete</button></li>
        <li id="b"><input type="checkbox" id="b-check"><button class="toggle" id="b-toggle">b</button></li>
      </ul>`,
      { stop: '.toggle' },
    );
    el(root, '#a-del').focus();
    el(root, '#a').remove();
    await settled();
    expect(document.activeElement?.id).toBe('b-toggle');
  });

  it('takes the first control when there is no stop, passing over disabled ones and those of a closed <details>', async () => {
    const root = view(`<ul>
      <li id="a"><button data-testid="delete" id="a-del">Delete</button></li>
      <li id="b"><button disabled id="b-off">Off</button><details><summary id="b-sum">More</summary><button data-testid="delete" id="b-del">Delete</button></details></li>
    </ul>`);
    el(root, '#a-del').focus();
    el(root, '#a').remove();
    await settled();
    expect(document.activeElement?.id).toBe('b-sum');
  });

  it('never hands the focus to a delete control in passing, only to the same one of the next item', async () => {
    const root = view(`<div>
      <button data-testid="cookie-add">Add</button>
      <button data-testid="delete-selected" id="sel">Delete selected</button>
      <button data-testid="delete-all">Delete all</button>
    </div>`);
    el(root, '#sel').focus();
    el(root, '#sel').remove();
    await settled();
    expect(focused()).toBe('cookie-add');
  });

  it('goes on to the next delete of the same kind when the items are the controls themselves', async () => {
    const root = view(
      `<button data-testid="cookie-add">Add</button><button data-testid="chip-delete" id="d1">x</button>` +
        `<button data-testid="chip-delete" id="d2">x</button>`,
    );
    el(root, '#d1').focus();
    el(root, '#d1').remove();
    await settled();
    expect(document.activeElement?.id).toBe('d2');
  });

  it('waits for the nearest control a write has disabled, rather than going past it', async () => {
    const root = view(
      `<div><button data-testid="cookie-add" id="add" disabled>Add</button>` +
        `<button data-testid="delete-selected" id="sel">Delete selected</button>` +
        `<button data-testid="delete-all" disabled>Delete all</button></div><section><button id="far">Far</button></section>`,
    );
    el(root, '#sel').focus();
    el(root, '#sel').remove();
    await settled();
    expect(focused()).toBe('body');
    (el(root, '#add') as HTMLButtonElement).disabled = false;
    await settled();
    expect(document.activeElement?.id).toBe('add');
  });

  it('waits for the next item’s delete in a run of deletes, though its copy button is enabled', async () => {
    const root = view(`<ul>
      <li id="a"><button data-testid="copy">Copy</button><button data-testid="delete" id="a-del">Delete</button></li>
      <li id="b"><button data-testid="copy">Copy</button><button data-testid="delete" id="b-del" disabled>Delete</button></li>
    </ul>`);
    el(root, '#a-del').focus();
    el(root, '#a').remove();
    await settled();
    expect(focused()).toBe('body');
    (el(root, '#b-del') as HTMLButtonElement).disabled = false;
    await settled();
    expect(document.activeElement?.id).toBe('b-del');
  });

  it('leaves a focus the user moved away alone, and one the view moved itself', async () => {
    const root = view(ITEMS);
    el(root, '#b-del').focus();
    el(root, '#b-del').blur();
    await settled();
    el(root, '#b').remove();
    await settled();
    expect(focused()).toBe('body');

    const elsewhere = document.createElement('button');
    elsewhere.dataset.testid = 'outside';
    document.body.append(elsewhere);
    el(root, '#a-del').focus();
    el(root, '#a').remove();
    elsewhere.focus();
    await settled();
    expect(focused()).toBe('outside');
  });

  it('keeps the claim of a control disabled while its own action runs, and moves focus once it is removed', async () => {
    const root = view(ITEMS);
    const del = el(root, '#a-del') as HTMLButtonElement;
    del.focus();
    del.disabled = true;
    // As a browser that drops focus from a control once it is disabled says so.
    del.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    await settled();
    el(root, '#a').remove();
    await settled();
    expect(document.activeElement?.id).toBe('b-del');
  });

  /** What a browser does when the focused control is disabled (a write under way): focus drops to the body. */
  function disableFocused(button: HTMLButtonElement): void {
    button.focus();
    button.blur();
    button.disabled = true;
  }

  it('gives the focus back to a control disabled while its write ran, once the write enables it again', async () => {
    const root = view(`<button id="undo">Undo</button><button id="add">Add</button>`);
    const undo = el(root, '#undo') as HTMLButtonElement;
    const add = el(root, '#add') as HTMLButtonElement;
    disableFocused(undo);
    add.disabled = true;
    await settled();
    expect(focused()).toBe('body');
    add.disabled = false;
    undo.disabled = false;
    await settled();
    expect(document.activeElement?.id).toBe('undo');
  });

  it('moves on from a control the write leaves disabled, to the controls around it but no delete', async () => {
    const root = view(
      `<button data-testid="cookie-add" id="add">Add</button><button data-testid="delete-all" id="all">Delete all</button>` +
        `<button data-testid="delete-other" id="other">Delete other</button>`,
    );
    const all = el(root, '#all') as HTMLButtonElement;
    const add = el(root, '#add') as HTMLButtonElement;
    disableFocused(all);
    add.disabled = true;
    await settled();
    // The write done: Add enabled again, Delete all disabled for good (nothing left to delete).
    add.disabled = false;
    await settled();
    expect(document.activeElement?.id).toBe('add');
  });

  it('does not take the focus back once the user has put it elsewhere', async () => {
    const root = view(`<button id="undo">Undo</button><input id="filter">`);
    const undo = el(root, '#undo') as HTMLButtonElement;
    disableFocused(undo);
    el(root, '#filter').focus();
    el(root, '#filter').blur();
    await settled();
    undo.disabled = false;
    await settled();
    expect(focused()).toBe('body');
  });

  it('asks the view first, with the element the removed one was taken from', async () => {
    const froms: string[] = [];
    const root = view(
      `<aside data-testid="detail"><div id="actions"><button id="del">Delete</button></div><button id="close">x</button></aside>
       <table><tr tabindex="0" id="row">r</tr></table>`,
      {
        instead: (from) => {
          froms.push(from.tagName);
          return from.closest('[data-testid="detail"]') ? document.getElementById('row') : null;
        },
      },
    );
    el(root, '#del').focus();
    el(root, '#actions').remove();
    await settled();
    expect(froms).toEqual(['ASIDE']);
    expect(document.activeElement?.id).toBe('row');
  });

  it('does nothing once stopped', async () => {
    const root = view(ITEMS);
    stops.pop()?.();
    el(root, '#b-del').focus();
    el(root, '#b').remove();
    await settled();
    expect(focused()).toBe('body');
  });
});
