import { useState } from 'preact/hooks';
import { blockRuleProblem, type BlockRule } from '../core/edit/block-rule';
import { useEdit } from './store-context';
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
  const [name, setName] = useState('');
  const [domain, setDomain] = useState('');
  if (!edit) return null;
  const rules = edit.guards.value.blockRules;
  const draft: BlockRule = { name: name.trim(), domain: domain.trim() };
  const problem = name === '' && domain === '' ? null : blockRuleProblem(draft);
  return (
    <details class="block-rules" data-testid="block-rules">
      <summary>Block rules ({rules.length})</summary>
      <p class="muted">
        A cookie whose name and domain match a rule is removed as soon as it is set. Use * for any characters, e.g. name
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
          void edit.setBlockRules([...rules, draft]);
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
      </form>
      {edit.guardError.value && (
        <p class="field-problem" role="status">
          {'Could not save: '}
          <ValueText value={edit.guardError.value} max={300} />
        </p>
      )}
    </details>
  );
}
