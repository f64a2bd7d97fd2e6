/** Unit tree helpers for Tree and TreeSelect. */
import type { Unit, UnitNode } from '../api/units';

export interface UnitTreeSelectNode {
  value: string;
  title: string;
  disabled?: boolean;
  children: UnitTreeSelectNode[];
}

/** TreeSelect data from the unit tree; `exclude` drops a subtree (a unit cannot move under itself). */
export function toTreeSelectData(nodes: UnitNode[], opts: { exclude?: string; disableInactive?: boolean } = {}): UnitTreeSelectNode[] {
  return nodes
    .filter((n) => n.id !== opts.exclude)
    .map((n) => ({
      value: n.id,
      title: n.active ? n.name : `${n.name} (ngừng hoạt động)`,
      disabled: opts.disableInactive ? !n.active : false,
      children: toTreeSelectData(n.children, opts),
    }));
}

/** Ids of every unit in a subtree, the root included. */
export function subtreeIds(node: UnitNode): string[] {
  return [node.id, ...node.children.flatMap(subtreeIds)];
}

/** Finds a node by id. */
export function findNode(nodes: UnitNode[], id: string): UnitNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const found = findNode(n.children, id);
    if (found) return found;
  }
  return undefined;
}

/** Sum of staff counts in a subtree (the API gives each unit's own count). */
export function subtreeStaff(node: UnitNode): number {
  return (node.staffCount ?? 0) + node.children.reduce((s, c) => s + subtreeStaff(c), 0);
}

export function countActive(items: Unit[]): number {
  return items.filter((u) => u.active).length;
}
