/**
 * The result of a hiệp y request, computed from the recorded answers and the Vietnamese day: a
 * body that has not answered is "pending" until the deadline (inclusive) and "no opinion" after it
 * (the pack's silence rule), never a disagreement. Pure: the presenter and the job runner share it.
 */
import type { ConsultationAnswerState } from '../../shared/codes.js';

export type ConsultationState = 'waiting' | 'lapsed' | 'complete' | 'cancelled';
export const CONSULTATION_STATE_LABELS: Record<ConsultationState, string> = {
  waiting: 'Đang chờ trả lời',
  lapsed: 'Quá hạn, có cơ quan không có ý kiến',
  complete: 'Đã đủ ý kiến',
  cancelled: 'Đã hủy',
};

export function answerState(answer: string | null, deadline: string, today: string): ConsultationAnswerState {
  if (answer === 'agree' || answer === 'disagree') return answer;
  return today > deadline ? 'no_opinion' : 'pending';
}

export interface ResultInput {
  status: string;
  deadline: string;
  candidates: { candidateId: string; displayName: string; honor: string }[];
  answers: { id: string; bodyName: string; answer: string | null }[];
  objections: { answerId: string; candidateId: string; reason: string }[];
}

export interface CandidateResult {
  candidateId: string;
  displayName: string;
  honor: string;
  /** A body disagreed about this candidate. */
  flagged: boolean;
  objections: { bodyName: string; reason: string }[];
}

export interface ConsultationResult {
  state: ConsultationState;
  answerStates: Map<string, ConsultationAnswerState>;
  candidates: CandidateResult[];
  pending: number;
  noOpinion: number;
}

export function consultationResult(c: ResultInput, today: string): ConsultationResult {
  const answerStates = new Map(c.answers.map((a) => [a.id, answerState(a.answer, c.deadline, today)]));
  const names = new Map(c.answers.map((a) => [a.id, a.bodyName]));
  const states = [...answerStates.values()];
  const pending = states.filter((s) => s === 'pending').length;
  const noOpinion = states.filter((s) => s === 'no_opinion').length;
  const state: ConsultationState = c.status === 'cancelled' ? 'cancelled' : pending ? 'waiting' : noOpinion ? 'lapsed' : 'complete';
  const candidates = c.candidates.map((k) => {
    // A cancelled request carries no result: its objections stay on record but flag no one.
    const objections =
      c.status === 'cancelled'
        ? []
        : c.objections.filter((o) => o.candidateId === k.candidateId).map((o) => ({ bodyName: names.get(o.answerId) ?? '', reason: o.reason }));
    return { candidateId: k.candidateId, displayName: k.displayName, honor: k.honor, flagged: objections.length > 0, objections };
  });
  return { state, answerStates, candidates, pending, noOpinion };
}
