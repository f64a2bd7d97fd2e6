import type { UnitRow } from '../repositories/units.js';
import type { Actor } from '../auth/actor.js';
import { abilitiesFor } from '../policies/abilities.js';
import { UNIT_KIND_LABELS, type UnitKind } from '../../shared/codes.js';

export interface UnitJson {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string | null;
  code: string | null;
  kind: string;
  kindLabel: string;
  active: boolean;
  mergedIntoId: string | null;
  depth: number;
  sortOrder: number;
  version: number;
  staffCount?: number;
  abilities: string[];
}

export interface UnitTreeNode extends UnitJson {
  children: UnitTreeNode[];
}

export function presentUnit(u: UnitRow, actor: Actor, extra: { staffCount?: number } = {}): UnitJson {
  // The actor's own unit is the root of its reach: it may not move, merge or delete it.
  const own = u.id === actor.unitId;
  return {
    id: u.id,
    parentId: u.parentId,
    name: u.name,
    shortName: u.shortName,
    code: u.code,
    kind: u.kind,
    kindLabel: UNIT_KIND_LABELS[u.kind as UnitKind] ?? u.kind,
    active: u.active,
    mergedIntoId: u.mergedIntoId,
    depth: u.depth,
    sortOrder: u.sortOrder,
    version: u.version,
    ...extra,
    abilities: abilitiesFor(actor.role, 'unit').filter((a) => !(own && (a === 'move' || a === 'merge' || a === 'delete' || a === 'deactivate'))),
  };
}

/** Nests a flat, visible list into trees; units whose parent is not visible become roots. */
export function buildTree(list: UnitJson[]): UnitTreeNode[] {
  const byId = new Map<string, UnitTreeNode>(list.map((u) => [u.id, { ...u, children: [] }]));
  const roots: UnitTreeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
