/**
 * The Office records a decision of an authority above the agency (Chủ tịch UBND tỉnh/xã, Thủ tướng,
 * Chủ tịch nước) as it was written — issuing body, signing authority, căn cứ, proposing line, the
 * awardees of its tree, the funding route, the executors, nơi nhận — or corrects one already recorded.
 */
import { Alert, App, Button, Col, DatePicker, Drawer, Form, Grid, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { recordExternalDecision, updateExternalDecision, type Decision, type ExternalDecisionInput } from '../../api/dossiers';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { fromDayjs } from '../../lib/format';
import { PersonPicker } from '../../components/PersonPicker';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { honorOptions } from './common';
import { DECISION_NUMBER_SYMBOL, DECISION_NUMBER_SYMBOL_MESSAGE, SIGNER_AUTHORITIES, SIGNER_AUTHORITY_LABELS } from '../../../shared/external-decisions';

type Awardee = ExternalDecisionInput['awardees'][number];
type Authority = NonNullable<ExternalDecisionInput['signerAuthorities']>[number];

interface Values {
  numberText: string;
  decisionDate: Dayjs;
  issuerName: string;
  issuerSuperior?: string;
  issuerPlace?: string;
  issuingAuthority?: string;
  title?: string;
  signerAuthorities?: Authority[];
  signerTitle: string;
  signerName: string;
  legalBases?: string[];
  proposal?: string;
  awardYear?: number | null;
  awardees?: Awardee[];
  achievement?: string;
  fundingRoute?: string;
  executors?: string[];
  recipients?: string[];
}

/** What a provincial chairman's decision usually says: the clerk corrects it to the paper's text. */
const NEW_DECISION: Partial<Values> = {
  issuerName: 'Ủy ban nhân dân tỉnh ',
  issuingAuthority: 'Chủ tịch Ủy ban nhân dân tỉnh ',
  title: 'Về việc tặng Bằng khen của Chủ tịch UBND tỉnh',
  signerAuthorities: [{ authority: 'KT.', of: 'Chủ tịch' }],
  signerTitle: 'Phó Chủ tịch',
  legalBases: [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
    'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
    'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
  ],
  proposal: 'Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …',
  awardees: [{ subjectKind: 'individual', honor: 'BK_BO_TINH' }],
  achievement: 'đã có thành tích xuất sắc trong …',
  fundingRoute: 'từ nguồn ngân sách tỉnh qua Sở Nội vụ cấp cho đơn vị đề nghị',
  executors: ['Chánh Văn phòng UBND tỉnh', 'Giám đốc Sở Nội vụ', 'các tập thể, cá nhân có tên tại Điều 1'],
  recipients: ['Như Điều 3;', 'Lưu: VT.'],
};

function valuesOf(d: Decision): Partial<Values> {
  return {
    numberText: d.numberText,
    decisionDate: dayjs(d.decisionDate),
    issuerName: d.issuerName,
    issuerSuperior: d.issuerSuperior ?? undefined,
    issuerPlace: d.issuerPlace ?? undefined,
    issuingAuthority: d.issuingAuthority ?? undefined,
    title: d.title,
    signerAuthorities: d.signerAuthorities.map((a) => ({ authority: a.authority as Authority['authority'], of: a.of })),
    signerTitle: d.signerTitle,
    signerName: d.signerName,
    legalBases: d.legalBases,
    proposal: d.proposal ?? undefined,
    awardYear: d.awardYear,
    awardees: (d.awardees ?? []).map((a) => ({
      subjectKind: a.subjectKind === 'individual' ? 'individual' : 'collective',
      personId: a.personId,
      unitId: a.subjectUnitId,
      honor: a.honor as Awardee['honor'],
      positionText: a.positionText,
    })),
    achievement: d.achievement ?? undefined,
    fundingRoute: d.fundingRoute ?? undefined,
    executors: d.executors,
    recipients: d.recipients,
  };
}

/** Lines of text as an editable list (căn cứ, người thi hành, nơi nhận). */
function LinesField({ name, label, add, rows = 1, testId }: { name: string; label: string; add: string; rows?: number; testId: string }) {
  return (
    <Form.Item label={label} required={name === 'executors'}>
      <Form.List name={name}>
        {(fields, { add: addLine, remove }) => (
          <>
            {fields.map((f) => (
              <div key={f.key} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
                <Form.Item name={f.name} noStyle>
                  <Input.TextArea autoSize={{ minRows: rows }} data-testid={`${testId}-${f.name}`} />
                </Form.Item>
                <Button onClick={() => remove(f.name)} aria-label="Bỏ dòng">
                  ✕
                </Button>
              </div>
            ))}
            <Button type="dashed" onClick={() => addLine('')} data-testid={`${testId}-add`}>
              + {add}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

export function ExternalDecisionForm({
  open,
  decision,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The decision to correct; absent: a new record. */
  decision?: Decision | null;
  onClose: () => void;
  onSaved: (d: Decision) => void;
}) {
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const [error, setError] = useState<string | null>(null);
  const editing = Boolean(decision);
  // A decision answering a dossier keeps the dossier's list.
  const ownList = !decision?.dossierId;
  const names = new Map((decision?.awardees ?? []).flatMap((a) => [a.personId, a.subjectUnitId].filter(Boolean).map((id) => [id!, a.displayName] as const)));

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(decision ? valuesOf(decision) : NEW_DECISION);
  }, [open, decision, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        ...v,
        decisionDate: fromDayjs(v.decisionDate)!,
        awardYear: v.awardYear ?? null,
        signerAuthorities: (v.signerAuthorities ?? []).filter((a) => a?.of?.trim()),
        legalBases: (v.legalBases ?? []).filter((x) => x?.trim()),
        executors: (v.executors ?? []).filter((x) => x?.trim()),
        recipients: (v.recipients ?? []).filter((x) => x?.trim()),
        awardees: (v.awardees ?? []).map((a) => ({ ...a, positionText: a.positionText?.trim() ? a.positionText : null })),
      };
      if (decision) {
        const { awardees, ...rest } = body;
        return updateExternalDecision(decision.id, { ...rest, ...(ownList ? { awardees } : {}), version: decision.version });
      }
      return recordExternalDecision(body);
    },
    onSuccess: async (d) => {
      message.success(editing ? `Đã sửa Quyết định số ${d.numberText}.` : `Đã ghi nhận Quyết định số ${d.numberText}.`);
      await qc.invalidateQueries({ queryKey: keys.decisions.all });
      await qc.invalidateQueries({ queryKey: keys.decision(d.id) });
      onSaved(d);
    },
    onError: (e) => setError(errorText(e)),
  });

  const half = phone ? 24 : 12;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={phone ? '100%' : 860}
      title={editing ? `Sửa Quyết định số ${decision!.numberText}` : 'Ghi nhận quyết định khen thưởng của cấp trên'}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="external-decision-save">
            {editing ? 'Lưu' : 'Ghi nhận'}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        Nhập đúng như văn bản của cấp trên (Chủ tịch UBND tỉnh/xã, Thủ tướng, Chủ tịch nước): không cần hồ sơ, phiên họp hay tờ trình trong hệ thống. Lịch sử
        khen thưởng của người/tập thể có tên được ghi theo quyết định.
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} name="external-decision">
        <Row gutter={12}>
          <Col span={half}>
            <Form.Item
              name="numberText"
              label="Số, ký hiệu"
              rules={[
                { required: true, message: 'Hãy nhập số, ký hiệu.' },
                { pattern: DECISION_NUMBER_SYMBOL, message: DECISION_NUMBER_SYMBOL_MESSAGE },
              ]}
            >
              <Input placeholder="1234/QĐ-UBND" data-testid="external-number" />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="decisionDate" label="Ngày ký" rules={[{ required: true, message: 'Hãy chọn ngày ký.' }]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="external-date" />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="issuerName" label="Cơ quan ban hành" rules={[{ required: true, min: 2, message: 'Hãy nhập cơ quan ban hành.' }]}>
              <Input data-testid="external-issuer" />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="issuerSuperior" label="Cơ quan chủ quản (nếu văn bản in)">
              <Input />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="issuerPlace" label="Địa danh">
              <Input placeholder="Quảng Ninh" />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="issuingAuthority" label="Thẩm quyền ban hành (dòng dưới trích yếu)">
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label="Trích yếu">
          <Input />
        </Form.Item>
        <Form.Item label="Thẩm quyền ký (TM., KT., Q., TL., TUQ.)">
          <Form.List name="signerAuthorities">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <div key={f.key} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
                    <Form.Item name={[f.name, 'authority']} noStyle rules={[{ required: true }]}>
                      <Select
                        style={{ width: 96, flex: 'none' }}
                        options={SIGNER_AUTHORITIES.map((a) => ({ value: a, label: a, title: SIGNER_AUTHORITY_LABELS[a] }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'of']} noStyle>
                      <Input placeholder="CHỦ TỊCH / ỦY BAN NHÂN DÂN" />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)} aria-label="Bỏ dòng">
                      ✕
                    </Button>
                  </div>
                ))}
                {fields.length < 3 ? (
                  <Button type="dashed" onClick={() => add({ authority: 'TM.', of: '' })}>
                    + Thêm dòng thẩm quyền
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
        </Form.Item>
        <Row gutter={12}>
          <Col span={half}>
            <Form.Item name="signerTitle" label="Chức vụ người ký" rules={[{ required: true, min: 2, message: 'Hãy nhập chức vụ người ký.' }]}>
              <Input placeholder="Phó Chủ tịch" />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="signerName" label="Người ký" rules={[{ required: true, min: 2, message: 'Hãy nhập người ký.' }]}>
              <Input data-testid="external-signer" />
            </Form.Item>
          </Col>
        </Row>
        <LinesField name="legalBases" label="Căn cứ" add="Thêm căn cứ" rows={2} testId="external-basis" />
        <Form.Item name="proposal" label="Xét đề nghị">
          <Input.TextArea autoSize={{ minRows: 1 }} />
        </Form.Item>
        {ownList ? (
          <Form.Item label="Điều 1 — danh sách được khen thưởng (cá nhân, tập thể trong đơn vị)" required>
            <Form.List name="awardees">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <div key={f.key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8, marginBottom: 8 }}>
                      <Row gutter={8}>
                        <Col span={phone ? 24 : 6}>
                          <Form.Item name={[f.name, 'subjectKind']} style={{ marginBottom: 8 }}>
                            <Select
                              options={[
                                { value: 'individual', label: 'Cá nhân' },
                                { value: 'collective', label: 'Tập thể' },
                              ]}
                            />
                          </Form.Item>
                        </Col>
                        <Col span={phone ? 24 : 18}>
                          <Form.Item noStyle shouldUpdate>
                            {() =>
                              form.getFieldValue(['awardees', f.name, 'subjectKind']) === 'collective' ? (
                                <Form.Item name={[f.name, 'unitId']} style={{ marginBottom: 8 }} rules={[{ required: true, message: 'Hãy chọn tập thể.' }]}>
                                  <UnitTreeSelect placeholder="Chọn tập thể" />
                                </Form.Item>
                              ) : (
                                <Form.Item name={[f.name, 'personId']} style={{ marginBottom: 8 }} rules={[{ required: true, message: 'Hãy chọn cá nhân.' }]}>
                                  <PersonPicker
                                    initialLabel={names.get(form.getFieldValue(['awardees', f.name, 'personId']) as string)}
                                    data-testid={`external-awardee-${f.name}`}
                                  />
                                </Form.Item>
                              )
                            }
                          </Form.Item>
                        </Col>
                        <Col span={phone ? 24 : 10}>
                          <Form.Item name={[f.name, 'honor']} style={{ marginBottom: 8 }} rules={[{ required: true, message: 'Hãy chọn hình thức.' }]}>
                            <Select options={honorOptions()} />
                          </Form.Item>
                        </Col>
                        <Col span={phone ? 20 : 12}>
                          <Form.Item name={[f.name, 'positionText']} style={{ marginBottom: 8 }}>
                            <Input placeholder="Chức vụ, đơn vị (để trống: theo hồ sơ cán bộ)" />
                          </Form.Item>
                        </Col>
                        <Col span={phone ? 4 : 2}>
                          <Button onClick={() => remove(f.name)} aria-label="Bỏ khỏi danh sách">
                            ✕
                          </Button>
                        </Col>
                      </Row>
                    </div>
                  ))}
                  <Button type="dashed" onClick={() => add({ subjectKind: 'individual', honor: 'BK_BO_TINH' })} data-testid="external-awardee-add">
                    + Thêm người/tập thể
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
        ) : (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title="Danh sách của quyết định này là các đề nghị trong hồ sơ đã trình cấp trên." />
        )}
        <Row gutter={12}>
          <Col span={phone ? 24 : 16}>
            <Form.Item name="achievement" label="Thành tích (Điều 1)">
              <Input.TextArea autoSize={{ minRows: 1 }} />
            </Form.Item>
          </Col>
          <Col span={phone ? 24 : 8}>
            <Form.Item name="awardYear" label="Năm thành tích">
              <InputNumber min={1945} max={2100} style={{ width: '100%' }} placeholder="năm của quyết định" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="fundingRoute" label="Nguồn kinh phí (in ở điều chi tiền thưởng)">
          <Input.TextArea autoSize={{ minRows: 1 }} data-testid="external-funding" />
        </Form.Item>
        <LinesField name="executors" label="Chịu trách nhiệm thi hành (Điều 3)" add="Thêm cơ quan, người thi hành" testId="external-executor" />
        <LinesField name="recipients" label="Nơi nhận" add="Thêm nơi nhận" testId="external-recipient" />
      </Form>
    </Drawer>
  );
}
