/** Request fields of a higher authority's decision (recorded on its own, or on a forwarded dossier). */
import { z } from 'zod';
import { COMMENDATION_TYPES, HONORS } from '../../../shared/codes.js';
import { isoDate } from '../../../shared/schemas/common.js';
import { DECISION_NUMBER_SYMBOL, DECISION_NUMBER_SYMBOL_MESSAGE, SIGNER_AUTHORITIES } from '../../../shared/external-decisions.js';

const text = (max: number, msg: string) => z.string().trim().max(max, msg);
const lines = (max: number, msg: string) => z.array(text(1000, msg)).max(max, msg);

/** Number, date, issuer and signer: required when recording. */
export const externalDecisionFields = {
  numberText: text(60, 'Số quyết định quá dài.').regex(DECISION_NUMBER_SYMBOL, DECISION_NUMBER_SYMBOL_MESSAGE),
  decisionDate: isoDate,
  issuerName: text(300, 'Tên cơ quan quá dài.').min(2, 'Hãy nhập cơ quan ban hành.'),
  signerName: text(200, 'Tên người ký quá dài.').min(2, 'Hãy nhập người ký.'),
  signerTitle: text(200, 'Chức vụ quá dài.').min(2, 'Hãy nhập chức vụ người ký (vd. Phó Chủ tịch).'),
  title: text(500, 'Trích yếu quá dài.').nullish(),
  awardYear: z.number().int().min(1945, 'Năm thành tích không hợp lệ.').max(2100, 'Năm thành tích không hợp lệ.').nullish(),
  type: z.enum(COMMENDATION_TYPES, 'Loại hình khen thưởng không hợp lệ.').optional(),
};

/** The authority's own text: all optional. */
export const externalDecisionText = {
  issuerSuperior: text(300, 'Tên cơ quan chủ quản quá dài.').nullish(),
  issuerPlace: text(100, 'Địa danh quá dài.').nullish(),
  issuingAuthority: text(300, 'Thẩm quyền ban hành quá dài.').nullish(),
  signerAuthorities: z
    .array(
      z.object({
        authority: z.enum(SIGNER_AUTHORITIES, 'Thẩm quyền ký là TM., KT., Q., TL. hoặc TUQ.'),
        of: text(200, 'Dòng thẩm quyền ký quá dài.').min(2, 'Hãy ghi thẩm quyền ký (vd. KT. CHỦ TỊCH).'),
      }),
    )
    .max(3, 'Thẩm quyền ký có nhiều nhất ba dòng.')
    .optional(),
  legalBases: lines(30, 'Căn cứ quá dài hoặc quá nhiều dòng.').optional(),
  proposal: text(1000, 'Dòng đề nghị quá dài.').nullish(),
  achievement: text(2000, 'Thành tích quá dài.').nullish(),
  fundingRoute: text(500, 'Nguồn kinh phí quá dài.').nullish(),
  executors: lines(50, 'Danh sách thi hành quá dài.').optional(),
  recipients: lines(50, 'Nơi nhận quá dài.').optional(),
};

export const externalAwardeeBody = z
  .object({
    subjectKind: z.enum(['individual', 'collective'], 'Hãy chọn cá nhân hoặc tập thể.'),
    personId: z.uuid('Mã cán bộ không hợp lệ.').nullish(),
    unitId: z.uuid('Mã đơn vị không hợp lệ.').nullish(),
    honor: z.enum(HONORS, 'Hình thức khen thưởng không hợp lệ.'),
    positionText: text(500, 'Chức vụ, đơn vị quá dài.').nullish(),
  })
  .refine(
    (a) => (a.subjectKind === 'individual' ? Boolean(a.personId) : Boolean(a.unitId)),
    'Hãy chọn cán bộ (cá nhân) hoặc đơn vị (tập thể) được khen thưởng.',
  );
