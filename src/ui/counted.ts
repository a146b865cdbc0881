/** `n` with its noun in the right number: "1 token", "2 tokens", "1,000 tokens". */
export function counted(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
