/** Shared by the core rule tables: issues as short `field rule` lines, and checks every issue must pass. */
import assert from 'node:assert/strict';
import type { FieldIssue } from '../../../src/core/errors.ts';

/** `[{ field: 'amount', rule: 'min', … }]` → `['amount min']`: the order and the exact set of issues. */
export const summary = (issues: readonly FieldIssue[]): string[] => issues.map((i) => `${i.field} ${i.rule}`);

/** Every message is English for developers and starts with the field it names. */
export function assertMessagesNameFields(issues: readonly FieldIssue[]): void {
  for (const i of issues) {
    assert.ok(i.message.startsWith(`${i.field} `), `"${i.message}" does not start with "${i.field} "`);
  }
}

/** The issues of a result that must be refused (fails when it was accepted). */
export function issuesOf(result: { ok: true } | { ok: false; issues: FieldIssue[] }): FieldIssue[] {
  if (result.ok) assert.fail('accepted, expected issues');
  return result.issues;
}

/** A deep copy of `value` with dotted paths set (`undefined` deletes the key). */
export function patched<T>(value: T, changes: Readonly<Record<string, unknown>>): T {
  const copy = structuredClone(value) as Record<string, unknown>;
  for (const [path, next] of Object.entries(changes)) {
    const keys = path.split('.');
    let node = copy;
    for (const key of keys.slice(0, -1)) {
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    const last = keys[keys.length - 1]!;
    if (next === undefined) delete node[last];
    else node[last] = next;
  }
  return copy as T;
}
