/** Shapes of the TĐKT API responses (see src/server/presenters). */
import type { CouncilKind, CouncilPosition, EmploymentType, Gender, Role, UnitKind } from '../../shared/codes';

export type UnitAbility = 'read' | 'create' | 'update' | 'move' | 'merge' | 'deactivate' | 'delete';
export type PersonAbility = 'read' | 'create' | 'update' | 'transfer' | 'import' | 'deactivate';
export type AccountAbility = 'read' | 'create' | 'update' | 'resetPassword';
export type CouncilAbility = 'read' | 'create' | 'update' | 'manageMembers';

export interface Abilities {
  unit: UnitAbility[];
  person: PersonAbility[];
  account: AccountAbility[];
  council: CouncilAbility[];
  audit: 'read'[];
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  unitId: string;
  unitName: string;
  personId: string | null;
  mustChangePassword: boolean;
  abilities: Abilities;
}

export interface Session {
  csrfToken: string;
  user: Me;
}

export interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string | null;
  code: string | null;
  kind: UnitKind;
  kindLabel: string;
  active: boolean;
  mergedIntoId: string | null;
  depth: number;
  sortOrder: number;
  version: number;
  staffCount?: number;
  abilities: UnitAbility[];
}

export interface UnitNode extends Unit {
  children: UnitNode[];
}

export interface UnitList {
  items: Unit[];
  tree: UnitNode[];
}

export interface Person {
  id: string;
  fullName: string;
  unitId: string;
  unitName: string | null;
  gender: Gender | null;
  genderLabel: string | null;
  birthDate: string | null;
  cccd: string | null;
  position: string | null;
  isLeader: boolean;
  employmentType: EmploymentType | null;
  employmentTypeLabel: string | null;
  email: string | null;
  active: boolean;
  version: number;
  abilities: PersonAbility[];
}

export interface Transfer {
  id: string;
  fromUnitId: string | null;
  fromUnitName: string | null;
  toUnitId: string;
  toUnitName: string | null;
  effectiveDate: string;
  reason: string | null;
}

export interface PersonDetail extends Person {
  transfers: Transfer[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Cell texts of one sheet row, keyed fullName, gender, birthDate, cccd, unit, position, isLeader, employmentType, email. */
export type ImportRowValues = Partial<Record<string, string>>;

/** The sheet's columns and which one each field is read from (the user may change it). */
export interface ImportMappingInfo {
  columns: { letter: string; header: string }[];
  mapping: Record<string, string | null>;
  fields: { key: string; label: string; required: boolean }[];
}

export interface ImportPreview extends Partial<ImportMappingInfo> {
  headers: string[];
  /** e.g. "Đã chuyển 3 ô từ bảng mã TCVN3 (ABC) sang Unicode…" */
  notices?: string[];
  total: number;
  valid: number;
  invalid: number;
  rows: { row: number; values: ImportRowValues; ok: boolean; errors: string[] }[];
}

export interface ImportResult {
  imported: number;
  skipped: number;
}

export interface CouncilMember {
  id: string;
  personId: string;
  fullName: string;
  personPosition: string | null;
  unitName: string;
  position: CouncilPosition;
  positionLabel: string;
  fromDate: string | null;
  toDate: string | null;
}

export interface Council {
  id: string;
  unitId: string;
  unitName: string | null;
  kind: CouncilKind;
  kindLabel: string;
  name: string | null;
  establishedBy: string | null;
  termStart: string;
  termEnd: string | null;
  active: boolean;
  version: number;
  memberCount: number;
  members: CouncilMember[];
  abilities: CouncilAbility[];
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  unitId: string;
  unitName: string | null;
  personId: string | null;
  active: boolean;
  locked: boolean;
  lastLoginAt: string | null;
  abilities: AccountAbility[];
}

export interface AuditEvent {
  id: number | string;
  at: string;
  actorUsername: string;
  ip: string | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityId: string | null;
  unitId: string | null;
  summary: string | null;
  before: unknown;
  after: unknown;
}
