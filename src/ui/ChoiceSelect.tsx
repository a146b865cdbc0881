/** The choices of a select, in order: what the value is, what the user reads. */
export type Choices<T extends string> = ReadonlyArray<{ id: T; label: string }>;

export interface ChoiceSelectProps<T extends string> {
  label: string;
  testId: string;
  value: T;
  options: Choices<T>;
  onChange: (value: T) => void;
}

/** A labelled `<select>` over a fixed list of choices (formats, scopes). */
export function ChoiceSelect<T extends string>({ label, testId, value, options, onChange }: ChoiceSelectProps<T>) {
  return (
    <label>
      {label}{' '}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
