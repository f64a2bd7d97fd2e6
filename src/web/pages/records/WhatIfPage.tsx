/** "Thử quy tắc": type a subject in, see the verdict with reasons, articles and money. Nothing is stored. */
import { Alert, Button, Card, Col, DatePicker, Flex, Form, InputNumber, Radio, Row, Select, Switch, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { evaluateRule, listFactKinds } from '../../api/records';
import { errorText, type BodyOf } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { DATE_FORMAT } from '../../lib/format';
import {
  COMMENDATION_TYPES,
  COMMENDATION_TYPE_LABELS,
  DISCIPLINES,
  DISCIPLINE_LABELS,
  HONORS,
  HONOR_INFO,
  INITIATIVE_SCOPES,
  INITIATIVE_SCOPE_LABELS,
  RATINGS,
  RATING_LABELS,
  REGIMES,
  REGIME_LABELS,
  SUBJECT_KIND_LABELS,
  SUBJECT_KINDS,
} from '../../../shared/codes';
import { moneyText, ReasonList, StatusTag } from './parts';
import { currentYearVn } from '../../lib/today';
import { keys } from '../../api/keys';

/** The what-if request, as the contract declares it. */
type Evaluate = BodyOf<'/api/rules/evaluate'>;
type SubjectInput = Evaluate['subject'];
type Row<K extends 'ratings' | 'honors' | 'initiatives' | 'disciplines' | 'facts'> = NonNullable<SubjectInput[K]>[number];
type MemberInput = NonNullable<SubjectInput['members']>[number];

interface MemberValues {
  rating?: Row<'ratings'>['rating'];
  honors?: Row<'honors'>['honor'][];
  discipline?: Row<'disciplines'>['level'];
}
interface Values {
  decisionDate: Dayjs;
  year: number;
  honor: Evaluate['honor'];
  regime?: Evaluate['regime'];
  kind: SubjectInput['kind'];
  withOverrides: boolean;
  ratings?: Row<'ratings'>[];
  honors?: Row<'honors'>[];
  initiatives?: Row<'initiatives'>[];
  disciplines?: Row<'disciplines'>[];
  facts?: Row<'facts'>[];
  members?: MemberValues[];
}

const opts = <T extends string>(codes: readonly T[], label: (c: T) => string) => codes.map((c) => ({ value: c, label: label(c) }));

const INITIAL: Partial<Values> = {
  decisionDate: dayjs('2024-09-01'),
  year: 2023,
  honor: 'CSTD_BO_TINH',
  kind: 'individual',
  withOverrides: false,
  ratings: [
    { year: 2021, rating: 'HTXSNV' },
    { year: 2022, rating: 'HTXSNV' },
    { year: 2023, rating: 'HTXSNV' },
  ],
  honors: [
    { year: 2021, honor: 'CSTDCS', type: 'cong_trang' },
    { year: 2022, honor: 'CSTDCS', type: 'cong_trang' },
    { year: 2023, honor: 'CSTDCS', type: 'cong_trang' },
  ],
  initiatives: [{ year: 2023, scope: 'bo_tinh', used: false }],
  members: [{ rating: 'HTTNV', honors: ['LDTT'] }],
};

/** One editable list of rows (year + other fields). */
function RowList({ name, title, add, children }: { name: string; title: string; add: Record<string, unknown>; children: (field: number) => ReactNode }) {
  return (
    <Form.List name={name}>
      {(fields, { add: push, remove }) => (
        <Card
          size="small"
          type="inner"
          title={title}
          style={{ marginBottom: 12 }}
          extra={
            <Button size="small" icon={<PlusOutlined />} onClick={() => push(add)} data-testid={`add-${name}`}>
              Thêm
            </Button>
          }
        >
          {fields.length === 0 ? <Typography.Text type="secondary">Không có</Typography.Text> : null}
          {fields.map((f) => (
            <Flex key={f.key} gap={8} align="start">
              {children(f.name)}
              <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="Xóa dòng" />
            </Flex>
          ))}
        </Card>
      )}
    </Form.List>
  );
}

const yearField = (field: number) => (
  <Form.Item name={[field, 'year']} rules={[{ required: true, message: 'Năm?' }]} style={{ marginBottom: 8 }}>
    <InputNumber min={1990} max={2100} placeholder="Năm" style={{ width: 90 }} />
  </Form.Item>
);

export default function WhatIfPage() {
  // The facts a user may confirm come from the rules API (the web imports nothing from the server).
  const facts = useQuery({ queryKey: keys.factKinds, queryFn: listFactKinds, staleTime: Infinity });
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'individual';
  const run = useMutation({
    mutationFn: (v: Values) => {
      const year = v.year;
      const subject: SubjectInput = {
        kind: v.kind,
        ratings: v.ratings ?? [],
        honors: v.honors ?? [],
        initiatives: (v.initiatives ?? []).map((i) => ({ ...i, used: i.used ?? false })),
        disciplines: v.disciplines ?? [],
        facts: v.facts ?? [],
      };
      if (v.kind === 'collective') {
        subject.members = (v.members ?? []).map((m): MemberInput => ({
          ratings: m.rating ? [{ year, rating: m.rating }] : [],
          honors: (m.honors ?? []).map((honor) => ({ year, honor })),
          disciplines: m.discipline ? [{ year, level: m.discipline }] : [],
        }));
      }
      return evaluateRule(
        { decisionDate: v.decisionDate.format('YYYY-MM-DD'), year, honor: v.honor, ...(v.regime ? { regime: v.regime } : {}), subject },
        v.withOverrides,
      );
    },
  });
  const honorsForKind = HONORS.filter((h) => HONOR_INFO[h].subjects.includes(kind));

  return (
    <>
      <PageHeader
        title="Thử quy tắc"
        subtitle="Nhập thành tích của một đối tượng giả định để xem có đủ điều kiện không, vì sao, theo điều khoản nào và tiền thưởng bao nhiêu. Không lưu gì."
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Form<Values> form={form} layout="vertical" initialValues={INITIAL} onFinish={(v) => run.mutate(v)}>
            <Card size="small" style={{ marginBottom: 12 }}>
              <Flex wrap gap={12}>
                <Form.Item label="Đối tượng" name="kind">
                  <Radio.Group optionType="button" options={opts(SUBJECT_KINDS, (k) => SUBJECT_KIND_LABELS[k])} />
                </Form.Item>
                <Form.Item label="Danh hiệu, hình thức" name="honor" rules={[{ required: true }]} style={{ minWidth: 280 }}>
                  <Select options={opts(honorsForKind, (h) => HONOR_INFO[h].label)} showSearch={{ optionFilterProp: 'label' }} data-testid="whatif-honor" />
                </Form.Item>
              </Flex>
              <Flex wrap gap={12}>
                <Form.Item label="Năm thành tích" name="year" rules={[{ required: true }]}>
                  <InputNumber min={1990} max={2100} />
                </Form.Item>
                <Form.Item label="Ngày quyết định" name="decisionDate" rules={[{ required: true }]}>
                  <DatePicker format={DATE_FORMAT} allowClear={false} />
                </Form.Item>
                <Form.Item label="Chế độ pháp lý" name="regime" style={{ minWidth: 220 }}>
                  <Select allowClear placeholder="Theo ngày quyết định" options={opts(REGIMES, (r) => r)} />
                </Form.Item>
                <Form.Item label="Áp dụng quy định riêng của cơ quan" name="withOverrides" valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Flex>
            </Card>
            <RowList name="ratings" title="Xếp loại chất lượng" add={{ year: currentYearVn() - 1, rating: 'HTTNV' }}>
              {(f) => (
                <>
                  {yearField(f)}
                  <Form.Item name={[f, 'rating']} style={{ flex: 1, marginBottom: 8 }}>
                    <Select options={opts(RATINGS, (r) => `${r} – ${RATING_LABELS[r]}`)} />
                  </Form.Item>
                </>
              )}
            </RowList>
            <RowList name="honors" title="Khen thưởng đã nhận" add={{ year: currentYearVn() - 1, honor: 'LDTT', type: 'cong_trang' }}>
              {(f) => (
                <>
                  {yearField(f)}
                  <Form.Item name={[f, 'honor']} style={{ flex: 1, marginBottom: 8 }}>
                    <Select options={opts(HONORS, (h) => HONOR_INFO[h].label)} showSearch={{ optionFilterProp: 'label' }} />
                  </Form.Item>
                  <Form.Item name={[f, 'type']} style={{ width: 290, marginBottom: 8 }}>
                    <Select options={opts(COMMENDATION_TYPES, (t) => COMMENDATION_TYPE_LABELS[t])} />
                  </Form.Item>
                </>
              )}
            </RowList>
            <RowList name="initiatives" title="Sáng kiến" add={{ year: currentYearVn() - 1, scope: 'co_so', used: false }}>
              {(f) => (
                <>
                  {yearField(f)}
                  <Form.Item name={[f, 'scope']} style={{ flex: 1, marginBottom: 8 }}>
                    <Select options={opts(INITIATIVE_SCOPES, (s) => INITIATIVE_SCOPE_LABELS[s])} />
                  </Form.Item>
                  <Form.Item name={[f, 'used']} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Switch checkedChildren="Đã dùng" unCheckedChildren="Chưa dùng" />
                  </Form.Item>
                </>
              )}
            </RowList>
            <RowList name="disciplines" title="Kỷ luật" add={{ year: currentYearVn() - 1, level: 'khien_trach' }}>
              {(f) => (
                <>
                  {yearField(f)}
                  <Form.Item name={[f, 'level']} style={{ flex: 1, marginBottom: 8 }}>
                    <Select options={opts(DISCIPLINES, (d) => DISCIPLINE_LABELS[d])} />
                  </Form.Item>
                </>
              )}
            </RowList>
            <RowList name="facts" title="Xác nhận (sự kiện hệ thống không tự tính được)" add={{ year: currentYearVn() - 1, fact: 'dan_dau_cum_khoi' }}>
              {(f) => (
                <>
                  {yearField(f)}
                  <Form.Item name={[f, 'fact']} style={{ flex: 1, marginBottom: 8 }}>
                    <Select options={(facts.data?.items ?? []).map((x) => ({ value: x.fact, label: x.label }))} loading={facts.isPending} />
                  </Form.Item>
                </>
              )}
            </RowList>
            {kind === 'collective' ? (
              <Form.List name="members">
                {(fields, { add, remove }) => (
                  <Card
                    size="small"
                    type="inner"
                    title="Thành viên của tập thể (trong năm xét)"
                    style={{ marginBottom: 12 }}
                    extra={
                      <Button size="small" icon={<PlusOutlined />} onClick={() => add({ rating: 'HTTNV', honors: ['LDTT'] })}>
                        Thêm
                      </Button>
                    }
                  >
                    {fields.map((f, i) => (
                      <Flex key={f.key} gap={8} align="start">
                        <span style={{ width: 28, paddingTop: 5 }}>{i + 1}.</span>
                        <Form.Item name={[f.name, 'rating']} style={{ width: 130, marginBottom: 8 }}>
                          <Select allowClear placeholder="Xếp loại" options={opts(RATINGS, (r) => r)} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'honors']} style={{ flex: 1, marginBottom: 8 }}>
                          <Select
                            mode="multiple"
                            placeholder="Danh hiệu năm xét"
                            options={opts(['LDTT', 'CSTDCS', 'CSTD_BO_TINH'] as const, (h) => HONOR_INFO[h].label)}
                          />
                        </Form.Item>
                        <Form.Item name={[f.name, 'discipline']} style={{ width: 140, marginBottom: 8 }}>
                          <Select allowClear placeholder="Kỷ luật" options={opts(DISCIPLINES, (d) => DISCIPLINE_LABELS[d])} />
                        </Form.Item>
                        <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="Xóa thành viên" />
                      </Flex>
                    ))}
                  </Card>
                )}
              </Form.List>
            ) : null}
            <Button type="primary" htmlType="submit" icon={<ThunderboltOutlined />} loading={run.isPending} data-testid="whatif-run">
              Xét
            </Button>
          </Form>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="Kết quả" style={{ position: 'sticky', top: 16 }} data-testid="whatif-result">
            {run.isError ? <Alert type="error" showIcon title={errorText(run.error)} /> : null}
            {run.data ? (
              <Flex vertical gap={12}>
                <div>
                  <StatusTag eligible={run.data.eligible} />
                  <div>
                    <Typography.Text type="secondary">Chế độ: {REGIME_LABELS[run.data.regime]}</Typography.Text>
                  </div>
                </div>
                <ReasonList reasons={run.data.reasons} />
                <div>
                  <b>Tiền thưởng:</b> {moneyText(run.data.money)}
                </div>
                {run.data.appliedOverrides.length ? (
                  <div>
                    Quy định riêng:{' '}
                    {run.data.appliedOverrides.map((o) => (
                      <Tag key={o} color="cyan">
                        {o}
                      </Tag>
                    ))}
                  </div>
                ) : null}
              </Flex>
            ) : !run.isError ? (
              <Typography.Text type="secondary">Điền thông tin bên trái rồi bấm «Xét».</Typography.Text>
            ) : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}
