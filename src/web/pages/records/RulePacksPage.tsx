/** The rule packs as the law (and the agency's own rules) define them: criteria, articles, money, votes, quotas. */
import { Alert, App, Button, Card, Collapse, DatePicker, Descriptions, Empty, Flex, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  createOverride,
  getPack,
  listOverrides,
  recordAbilities,
  type CriterionView,
  type HonorView,
  type OverrideItem,
  type PackView,
} from '../../api/records';
import { errorText } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { DATE_FORMAT, fmtDate, fmtMoney } from '../../lib/format';
import { REGIMES, type Regime } from '../../../shared/codes';
import { UNVERIFIED_TAG } from './parts';
import { keys } from '../../api/keys';
import { todayDayjs, todayVn } from '../../lib/today';

function Criteria({ list }: { list: CriterionView[] }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {list.map((c) => (
        <li key={c.rule} style={{ marginBottom: 4 }}>
          <span>{c.text}</span>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            ({c.article})
          </Typography.Text>{' '}
          {c.verified ? null : UNVERIFIED_TAG}
          {c.note ? (
            <div>
              <Typography.Text type="secondary" italic style={{ fontSize: 12 }}>
                {c.note}
              </Typography.Text>
            </div>
          ) : null}
          {c.of ? <Criteria list={c.of} /> : null}
        </li>
      ))}
    </ul>
  );
}

const src = (s: { article: string; verified: boolean }) => (
  <>
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      ({s.article})
    </Typography.Text>{' '}
    {s.verified ? null : UNVERIFIED_TAG}
  </>
);

function HonorBody({ h }: { h: HonorView }) {
  return (
    <Flex vertical gap={12}>
      {h.subjects.map((s) => (
        <div key={s.subject}>
          <Typography.Text strong>{s.label}</Typography.Text>
          <Criteria list={s.criteria} />
          {s.money ? (
            <div style={{ marginTop: 4 }}>
              Tiền thưởng: hệ số {s.money.isCap ? 'tối đa ' : ''}
              {s.money.coefficient.toLocaleString('vi-VN')}
              {s.money.example ? ` (${s.money.example.text})` : ''} {src(s.money)}
            </div>
          ) : null}
        </div>
      ))}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="Biểu quyết Hội đồng">
          {h.vote ? (
            <>
              {h.vote.text} {src(h.vote)}
            </>
          ) : (
            'Không quy định'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="Tỷ lệ khống chế">
          {h.quota ? (
            <>
              {h.quota.text} {src(h.quota)}
            </>
          ) : (
            'Không'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="Thẩm quyền quyết định">
          {h.authority.who.map((w) => w.label).join('; ')} {src(h.authority)}
        </Descriptions.Item>
        <Descriptions.Item label="Cơ quan được quy định riêng">
          {h.overridable.criteria === 'replace'
            ? 'Được ban hành tiêu chuẩn riêng (Điều 75 khoản 2 Luật)'
            : h.overridable.criteria === 'add'
              ? 'Chỉ được bổ sung tiêu chuẩn chặt hơn'
              : 'Không (do pháp luật quy định)'}
        </Descriptions.Item>
      </Descriptions>
      {h.notes.map((n) => (
        <Typography.Text key={n} type="secondary" italic>
          {n}
        </Typography.Text>
      ))}
    </Flex>
  );
}

type Src = { article: string; verified: boolean; note?: string };
/** The dossier pipeline's parameters as the server describes them (GET /api/rules/packs/:regime → pipeline). */
interface PipelineView {
  documents: (Src & { id: string; text: string; byLaw: boolean })[];
  publicNotice: { honors: (Src & { honor: string; label: string })[]; minWorkingDays: number; text: string; article: string | null; verified: boolean };
  stepLimits: (Src & { step: string; text: string })[];
  quorum: Src & { text: string };
  majority: Src & { text: string };
  honorOrder: Src & { ranks: { honor: string; label: string; rank: number }[] };
  unitAuthority: (Src & { unitKind: string; unitKindLabel: string; whoLabel: string | null })[];
  unverifiedCount: number;
}
type PackWithPipeline = PackView & { pipeline?: PipelineView };

/** Documents, public notice, step limits, quorum, majority, order of honors, who decides: what the dossier pipeline applies. */
function PipelineCard({ p }: { p: PipelineView }) {
  const list = (items: (Src & { key: string; text: string })[]) => (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {items.map((x) => (
        <li key={x.key}>
          {x.text} {src(x)}
        </li>
      ))}
    </ul>
  );
  return (
    <Card
      size="small"
      title="Quy trình hồ sơ"
      data-testid="pack-pipeline"
      extra={p.unverifiedCount ? <Tag color="orange">{p.unverifiedCount} chưa kiểm chứng</Tag> : null}
    >
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="Thành phần hồ sơ">
          {list(p.documents.map((d) => ({ ...d, key: d.id, text: d.byLaw ? d.text : `${d.text} (quy định riêng)` })))}
        </Descriptions.Item>
        <Descriptions.Item label="Công khai lấy ý kiến">
          {p.publicNotice.text} {p.publicNotice.article ? src({ article: p.publicNotice.article, verified: p.publicNotice.verified }) : null}
          {list(p.publicNotice.honors.map((h) => ({ ...h, key: h.honor, text: h.label })))}
        </Descriptions.Item>
        <Descriptions.Item label="Thời hạn xử lý">{list(p.stepLimits.map((s) => ({ ...s, key: s.step })))}</Descriptions.Item>
        <Descriptions.Item label="Số thành viên dự họp">
          {p.quorum.text} {src(p.quorum)}
        </Descriptions.Item>
        <Descriptions.Item label="Biểu quyết khi không có tỷ lệ riêng">
          {p.majority.text} {src(p.majority)}
        </Descriptions.Item>
        <Descriptions.Item label="Thứ bậc (hạ mức)">
          {[...p.honorOrder.ranks]
            .sort((a, b) => b.rank - a.rank)
            .map((r) => `${r.label} (${r.rank})`)
            .join(' · ')}{' '}
          {src(p.honorOrder)}
        </Descriptions.Item>
        <Descriptions.Item label="Đơn vị được ra quyết định">
          {list(p.unitAuthority.map((u) => ({ ...u, key: u.unitKind, text: `${u.unitKindLabel}: ${u.whoLabel ?? 'không'}` })))}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function PackTab({ regime, asOf }: { regime: Regime; asOf: string }) {
  const q = useQuery({ queryKey: keys.rulePack.of(regime, asOf), queryFn: () => getPack(regime, asOf) });
  if (q.isPending) return <LoadingBlock rows={8} />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const p: PackWithPipeline = q.data;
  const unverified = p.honors.reduce((n, h) => n + h.unverifiedCount, 0) + (p.pipeline?.unverifiedCount ?? 0);
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          <b>{p.label}</b>
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          Áp dụng cho quyết định ký {p.decisionsFrom ? `từ ${fmtDate(p.decisionsFrom)}` : 'trước 01/01/2024'}
          {p.decisionsTo && p.decisionsFrom ? ` đến ${fmtDate(p.decisionsTo)}` : ''} · {p.rounding.text} · Lương cơ sở:{' '}
          {p.baseSalary.map((b) => `${fmtMoney(b.amount)} từ ${fmtDate(b.from)}`).join('; ')}
        </Typography.Text>
        <div style={{ marginTop: 8 }}>
          {p.inForceToday ? <Tag color="green">Đang áp dụng</Tag> : null}
          {unverified ? <Tag color="orange">{unverified} nội dung chưa kiểm chứng</Tag> : null}
        </div>
      </Card>
      {p.overrides.length ? (
        <Alert
          type="info"
          showIcon
          title={`Quy định riêng của cơ quan đang áp dụng (tại ngày ${fmtDate(p.asOf)})`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {p.overrides.map((o) => (
                <li key={`${o.id}@${o.version}`}>
                  <b>{o.title ?? o.id}</b> (phiên bản {o.version}, {o.agency}, hiệu lực từ {fmtDate(o.effectiveFrom)}
                  {o.effectiveTo ? ` đến ${fmtDate(o.effectiveTo)}` : ''}){o.basis ? ` – ${o.basis}` : ''}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Collapse
        data-testid="pack-honors"
        items={p.honors.map((h) => ({
          key: h.honor,
          label: (
            <Flex gap={8} wrap align="center">
              <b>{h.label}</b>
              <Tag>{h.kind === 'title' ? 'Danh hiệu' : 'Hình thức'}</Tag>
              {h.subjects.map((s) => (
                <Tag key={s.subject} color="blue">
                  {s.label}
                </Tag>
              ))}
              {h.unverifiedCount ? <Tag color="orange">{h.unverifiedCount} chưa kiểm chứng</Tag> : null}
              {h.overriddenBy.length ? <Tag color="cyan">Quy định riêng: {h.overriddenBy.join(', ')}</Tag> : null}
            </Flex>
          ),
          children: <HonorBody h={h} />,
        }))}
      />
      {p.pipeline ? <PipelineCard p={p.pipeline} /> : null}
      {p.deadlines.length ? (
        <Card size="small" title="Thời hạn">
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {p.deadlines.map((d) => (
              <li key={d.id}>
                {d.label} {src(d)}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </Flex>
  );
}

const REGIME_TABS: Record<Regime, string> = {
  ND91_2017: 'NĐ 91/2017 (trước 01/01/2024)',
  ND98_2023: 'NĐ 98/2023 (01/01/2024 – 30/06/2025)',
  ND152_2025: 'NĐ 152/2025 (từ 01/07/2025)',
};

const EXAMPLE = {
  id: 'giay-khen-giam-doc',
  version: 1,
  agency: 'SKHCN',
  title: 'Tiêu chuẩn Giấy khen của Giám đốc Sở',
  basis: 'Quyết định số …/QĐ-SKHCN',
  effectiveFrom: todayVn(),
  changes: [
    {
      op: 'set_criteria',
      honor: 'GK',
      subject: 'individual',
      criteria: [{ kind: 'rating_at_least', rating: 'HTXSNV', rule: 'SKHCN.GK.htxsnv', article: 'Điều 3 Quyết định số …/QĐ-SKHCN', verified: true }],
    },
  ],
};

function OverrideModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [text, setText] = useState(JSON.stringify(EXAMPLE, null, 2));
  const [error, setError] = useState<string | null>(null);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const m = useMutation({
    mutationFn: async () => {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error('Nội dung không phải JSON hợp lệ.');
      }
      return createOverride(body);
    },
    onSuccess: async () => {
      message.success('Đã ban hành quy định riêng.');
      await qc.invalidateQueries({ queryKey: keys.rulePack.all });
      await qc.invalidateQueries({ queryKey: keys.ruleOverrides });
      onClose();
    },
    onError: (err) => setError(errorText(err)),
  });
  return (
    <Modal
      open={open}
      width={760}
      title="Ban hành quy định riêng của cơ quan"
      okText="Ban hành"
      cancelText="Hủy"
      onOk={() => m.mutate()}
      onCancel={onClose}
      confirmLoading={m.isPending}
    >
      <Typography.Paragraph type="secondary">
        Theo khoản 2 Điều 75 Luật Thi đua, khen thưởng, cơ quan được quy định tiêu chuẩn Giấy khen, Bằng khen của mình; có thể đặt tỷ lệ, thời hạn riêng. Mỗi
        lần sửa là một phiên bản mới có ngày hiệu lực; hệ thống từ chối thay đổi điều pháp luật đã quy định.
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} rows={18} style={{ fontFamily: 'monospace', fontSize: 12 }} />
    </Modal>
  );
}

export default function RulePacksPage() {
  const user = useUser();
  const can = recordAbilities(user);
  const [asOf, setAsOf] = useState<Dayjs>(todayDayjs());
  const [creating, setCreating] = useState(false);
  const overrides = useQuery({ queryKey: keys.ruleOverrides, queryFn: listOverrides });
  return (
    <>
      <PageHeader
        title="Bộ quy tắc xét khen thưởng"
        subtitle="Tiêu chuẩn, căn cứ, hệ số tiền thưởng, tỷ lệ biểu quyết theo từng giai đoạn pháp luật. Nhãn cam: chưa kiểm chứng với văn bản gốc."
        extra={
          <Space>
            <span>Quy định riêng còn hiệu lực tại ngày</span>
            <DatePicker format={DATE_FORMAT} value={asOf} allowClear={false} onChange={(d) => d && setAsOf(d)} />
            {can.createOverride ? (
              <Button icon={<FileAddOutlined />} onClick={() => setCreating(true)} data-testid="override-create">
                Ban hành quy định riêng
              </Button>
            ) : null}
          </Space>
        }
      />
      <Tabs
        defaultActiveKey={REGIMES[REGIMES.length - 1]}
        items={REGIMES.map((r) => ({ key: r, label: REGIME_TABS[r], children: <PackTab regime={r} asOf={asOf.format('YYYY-MM-DD')} /> }))}
        data-testid="pack-tabs"
      />
      <Card size="small" title="Quy định riêng của cơ quan (mọi phiên bản)" style={{ marginTop: 16 }}>
        {overrides.isError ? <ErrorAlert error={overrides.error} /> : null}
        {overrides.data && overrides.data.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có quy định riêng" /> : null}
        {overrides.data && overrides.data.items.length ? (
          <Table<OverrideItem>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={overrides.data.items}
            columns={[
              { title: 'Mã', dataIndex: 'overrideId' },
              { title: 'Phiên bản', dataIndex: 'version', width: 90 },
              { title: 'Tên', render: (_: unknown, o) => o.override.title ?? '—' },
              { title: 'Căn cứ', render: (_: unknown, o) => o.override.basis ?? '—' },
              { title: 'Đơn vị ban hành', dataIndex: 'unitName' },
              { title: 'Hiệu lực', render: (_: unknown, o) => `${fmtDate(o.effectiveFrom)}${o.effectiveTo ? ` – ${fmtDate(o.effectiveTo)}` : ''}` },
            ]}
          />
        ) : null}
      </Card>
      <OverrideModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
