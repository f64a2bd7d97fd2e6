import { z } from 'zod';
import type { UnitRow } from '../repositories/units.js';
import type { Actor } from '../auth/actor.js';
import { unitAbilities } from '../policies/unit.js';
import { ACTIONS } from '../policies/abilities.js';
import { UNIT_KIND_LABELS, type UnitKind } from '../../shared/codes.js';

export const unitSchema = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    name: z.string(),
    shortName: z.string().nullable(),
    code: z.string().nullable(),
    kind: z.string(),
    kindLabel: z.string(),
    active: z.boolean(),
    mergedIntoId: z.uuid().nullable(),
    depth: z.number().int(),
    sortOrder: z.number().int(),
    version: z.number().int(),
    staffCount: z.number().int().optional(),
    abilities: z.array(z.enum(ACTIONS.unit)).describe('Các thao tác tài khoản được làm với đơn vị này (vai trò và trạng thái đơn vị)'),
  })
  .meta({ id: 'Unit' });
export type UnitJson = z.infer<typeof unitSchema>;

export type UnitTreeNode = UnitJson & { children: UnitTreeNode[] };
export const unitTreeNodeSchema: z.ZodType<UnitTreeNode> = unitSchema
  .extend({
    get children() {
      return z.array(unitTreeNodeSchema);
    },
  })
  .meta({ id: 'UnitTreeNode' });

export const unitListSchema = z.object({ items: z.array(unitSchema), total: z.number().int(), tree: z.array(unitTreeNodeSchema) });

export function presentUnit(u: UnitRow, actor: Actor, extra: { staffCount?: number } = {}): UnitJson {
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
    abilities: unitAbilities(actor, u),
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
