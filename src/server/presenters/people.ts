import type { PersonRow } from '../repositories/people.js';
import type { Actor } from '../auth/actor.js';
import { abilitiesFor } from '../policies/abilities.js';
import { EMPLOYMENT_TYPE_LABELS, GENDER_LABELS, type EmploymentType, type Gender } from '../../shared/codes.js';

export interface PersonJson {
  id: string;
  fullName: string;
  unitId: string;
  unitName: string | null;
  gender: string | null;
  genderLabel: string | null;
  birthDate: string | null;
  cccd: string | null;
  position: string | null;
  isLeader: boolean;
  employmentType: string | null;
  employmentTypeLabel: string | null;
  email: string | null;
  active: boolean;
  version: number;
  abilities: string[];
}

export function presentPerson(p: PersonRow, actor: Actor, unitName: string | null = null): PersonJson {
  return {
    id: p.id,
    fullName: p.fullName,
    unitId: p.unitId,
    unitName,
    gender: p.gender,
    genderLabel: p.gender ? (GENDER_LABELS[p.gender as Gender] ?? null) : null,
    birthDate: p.birthDate,
    cccd: p.cccd,
    position: p.position,
    isLeader: p.isLeader,
    employmentType: p.employmentType,
    employmentTypeLabel: p.employmentType ? (EMPLOYMENT_TYPE_LABELS[p.employmentType as EmploymentType] ?? null) : null,
    email: p.email,
    active: p.active,
    version: p.version,
    abilities: abilitiesFor(actor.role, 'person'),
  };
}
