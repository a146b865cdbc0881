import { useState } from 'preact/hooks';
import { storedDomain } from '../core/cookie/stored-domain';
import { blockRuleProblem, matchesBlockRule, type BlockRule } from '../core/edit/block-rule';
import type { GuardState } from '../protocol/messages';
import { counted } from './counted';
import { useEdit, useStore } from './store-context';
import { ValueText } from './ValueText';

const PROBLEM_WORDS = {
  empty: 'give a name or a domain pattern: a rule matching every cookie would end every session',
  'too-long': 'patterns are at most 256 characters',
};

/**
 * Block rules: a cookie whose name and domain match is removed as soon as it is set (by the background, kept
 * in storage.local across restarts). `*` stands for any characters.
 */
export function BlockRules() {
  const edit = useEdit();
  const store = useStore();
  const [name, setName] = useState('');
  const [domain, setDomain] = useState('');
  // Open from the start when there is something to say of the last rule added: the panel draws this section anew
  // when that rule's removals change its state (set once: the user's own folding is left alone).
  const [openAtFirst] = useState(() => edit?.sweptByAdd.peek() != null);
  if (!edit) return null;
  const rules = edit.guards.value.blockRules;
  const draft: BlockRule = { name: name.trim(), domain: domain.trim() };
  const problem = name === '' && domain === '' ? null : blockRuleProblem(draft);
  const matching =
    name === '' && domain === '' ? 0 : store.site.cookies.value.filter((v) => matchesBlockRule(draft, v.cookie)).length;
  const swept = edit.sweptByAdd.value;
  return (
    <details class="block-rules" data-testid="block-rules" open={openAtFirst}>
      <summary>Block rules ({rules.length})</summary>
      <p class="muted">
        A cookie whose name and domain match a rule is removed as soon as it is set, on every site; adding a rule also
        removes at once the cookies that match it already (Undo puts them back). Use * for any characters, e.g. name
        _ga* on domain *.example.com.
      </p>
      {rules.length > 0 && (
        <ul>
          {rules.map((r, i) => (
            <li key={`${r.name}\u0000${r.domain}`} data-testid="block-rule">
              {'name '}
              <ValueText value={r.name || '*'} max={256} class="name" />
              {' on domain '}
              <ValueText value={r.domain || '*'} max={256} />{' '}
              <button
                type="button"
                aria-label={`Remove block rule ${r.name || '*'} on ${r.domain || '*'}`}
                onClick={() => void edit.setBlockRules(rules.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="block-rule-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (blockRuleProblem(draft) !== null) return;
          void edit.addBlockRule(draft);
          setName('');
          setDomain('');
        }}
      >
        <label for="block-name">Name pattern</label>
        <input id="block-name" data-testid="block-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="block-domain">Domain pattern</label>
        <input
          id="block-domain"
          data-testid="block-domain"
          value={domain}
          onInput={(e) => setDomain(e.currentTarget.value)}
        />
        <button type="submit" data-testid="block-add" disabled={problem !== null || (name === '' && domain === '')}>
          Add rule
        </button>
        {problem && (
          <p class="field-problem" role="status">
            {PROBLEM_WORDS[problem]}
          </p>
        )}
        {problem === null && matching > 0 && (
          <p class="field-problem" data-testid="block-matches">
            {`It matches ${matching.toLocaleString('en')} of this site's cookies now: adding it deletes ` +
              `${matching === 1 ? 'that one' : 'them'}, and any other site's cookie that matches.`}
          </p>
        )}
      </form>
      {swept && <SweptLine swept={swept} />}
      {swept?.undo &&
        edit.writer.undoState.value.label === swept.undo.label &&
        edit.writer.undoState.value.atMs === swept.undo.atMs && (
          <button
            type="button"
            data-testid="block-undo"
            disabled={edit.writer.busy.value}
            onClick={() => void edit.writer.undo()}
          >
            {`Undo: take the rule away and put ${swept.count === 1 ? 'that cookie' : 'those cookies'} back`}
          </button>
        )}
      {edit.guardError.value && (
        <p class="field-problem" role="status">
          {'Could not save: '}
          <ValueText value={edit.guardError.value} max={300} />
        </p>
      )}
    </details>
  );
}

/** What adding a rule deleted at once: each cookie it removed (the first ones by name), or that none matched. */
function SweptLine({ swept }: { swept: NonNullable<GuardState['swept']> }) {
  if (swept.count === 0) {
    return (
      <p class="small" role="status" data-testid="block-swept" data-count="0">
        Rule added: no cookie in the browser matched it.
      </p>
    );
  }
  const more = swept.count - swept.cookies.length;
  return (
    <p class="small" role="status" data-testid="block-swept" data-count={swept.count}>
      {`Rule added: it deleted ${counted(swept.count, 'cookie', 'cookies')} already in the browser (the timeline lists them as blocked): `}
      {swept.cookies.map((c, i) => (
        <span key={i}>
          {i > 0 && ', '}
          <ValueText value={c.name} max={80} class="name" /> (
          <ValueText value={storedDomain(c.domain, c.hostOnly)} max={120} class="prose" />)
        </span>
      ))}
      {more > 0 ? ` and ${more.toLocaleString('en')} more.` : '.'}
    </p>
  );
}
