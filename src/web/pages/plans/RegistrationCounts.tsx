/**
 * Đăng ký số lượng: the unit's number of proposals per high honor (the clerk: enter, save, send to
 * the Office), and the Office's roll-up of what each unit registered beside what it proposed since.
 * Which honors are counted, and what each user may do, come from the server (`honors`, `abilities`).
 */
import { Alert, App, Button, Card, Grid, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  exportCountRollup,
  getCountRollup,
  getCountSheet,
  returnCountSheet,
  saveCountSheet,
  setCountHonors,
  submitCountSheet,
  type CountRollup,
} from '../../api/registration-counts';
import type { CampaignRef } from '../../api/plans';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { ExportButton } from '../../components/ExportButton';
import { ReasonModal } from '../../components/ReasonModal';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { codesOf } from '../../lib/codes';
import { HONORS, HONOR_INFO } from '../../../shared/codes';

type Line = { count: number | null; note: string };

/** The clerk's counts: one small card per honor (fits a phone), a number and a note each. */
export function CountSheetPanel({ campaign, unitId }: { campaign: CampaignRef; unitId: string }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: keys.counts.sheet(campaign, unitId), queryFn: () => getCountSheet(campaign, unitId) });
  const [lines, setLines] = useState<Record<string, Line>>({});
  useEffect(() => {
    if (!q.data) return;
    setLines(Object.fromEntries(q.data.items.map((i) => [i.honor, { count: i.count, note: i.note ?? '' }])));
  }, [q.data]);
  const refresh = async () => qc.invalidateQueries({ queryKey: keys.counts.all });
  const save = useMutation({
    mutationFn: (version: number) =>
      saveCountSheet({
        ...campaign,
        unitId,
        version,
        items: codesOf(HONORS, Object.keys(lines)).flatMap((honor) => {
          const l = lines[honor]!;
          return l.count === null ? [] : [{ honor, count: l.count, note: l.note.trim() || null }];
        }),
      }),
    onSuccess: async () => {
      message.success('Đã lưu đăng ký số lượng của đơn vị.');
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const submit = useMutation({
    mutationFn: () => submitCountSheet({ ...campaign, unitId }),
    onSuccess: async () => {
      message.success('Đã gửi đăng ký số lượng lên Văn phòng.');
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (q.isPending) return <LoadingBlock />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  const editable = s.abilities.includes('edit');
  const set = (honor: string, patch: Partial<Line>) => setLines({ ...lines, [honor]: { count: null, note: '', ...lines[honor], ...patch } });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="count-sheet">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        Số lượng tập thể, cá nhân đơn vị dự kiến đề nghị cho từng hình thức khen thưởng cấp cao. Để trống là không đăng ký hình thức đó.
      </Typography.Paragraph>
      {s.status === 'submitted' ? (
        <Alert
          type="success"
          showIcon
          title={`Đã gửi Văn phòng${s.submittedAt ? ` lúc ${fmtDateTime(s.submittedAt)}` : ''}`}
          description="Muốn sửa, đề nghị Văn phòng trả lại."
        />
      ) : s.status === 'returned' ? (
        <Alert type="warning" showIcon title="Văn phòng trả lại để sửa" description={s.returnReason} data-testid="count-returned" />
      ) : null}
      {!s.open ? (
        <Alert
          type="warning"
          showIcon
          title={`Đã hết hạn đăng ký (${fmtDate(s.campaign.deadline)})`}
          description="Chỉ lưu được khi Văn phòng mở lại đăng ký cho đơn vị."
        />
      ) : null}
      {s.honors.map((h) => {
        const l = lines[h.honor] ?? { count: null, note: '' };
        return (
          <Card key={h.honor} size="small" title={<span style={{ whiteSpace: 'normal' }}>{h.label}</span>} data-testid={`count-${h.honor}`}>
            <Space wrap style={{ width: '100%' }}>
              <InputNumber
                min={0}
                precision={0}
                value={l.count}
                disabled={!editable}
                placeholder="Số lượng"
                addonAfter="đề nghị"
                style={{ width: 170 }}
                onChange={(v) => set(h.honor, { count: typeof v === 'number' ? v : null })}
                data-testid={`count-input-${h.honor}`}
              />
              <Input
                value={l.note}
                disabled={!editable}
                placeholder="Ghi chú (không bắt buộc)"
                maxLength={1000}
                style={{ width: 'min(100%, 320px)' }}
                onChange={(e) => set(h.honor, { note: e.target.value })}
              />
            </Space>
          </Card>
        );
      })}
      {s.honors.length === 0 ? <Alert type="info" title="Đợt này không có hình thức nào đăng ký theo số lượng." /> : null}
      <Space wrap>
        {editable ? (
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => save.mutate(s.version)} data-testid="count-save">
            Lưu đăng ký số lượng
          </Button>
        ) : null}
        {s.abilities.includes('submit') ? (
          <Popconfirm
            title="Gửi đăng ký số lượng lên Văn phòng?"
            description="Sau khi gửi, đơn vị không sửa được trừ khi Văn phòng trả lại. Hãy lưu trước khi gửi."
            okText="Gửi"
            cancelText="Hủy"
            onConfirm={() => submit.mutate()}
          >
            <Button icon={<SendOutlined />} loading={submit.isPending} data-testid="count-submit">
              Gửi Văn phòng
            </Button>
          </Popconfirm>
        ) : null}
        <Tag>{s.statusLabel}</Tag>
      </Space>
    </Space>
  );
}

type RollupUnit = CountRollup['units'][number];

function Difference({ d }: { d: number }) {
  if (d === 0) return <Typography.Text type="success">khớp</Typography.Text>;
  return <Typography.Text type={d > 0 ? 'danger' : 'warning'}>{d > 0 ? `+${d}` : d}</Typography.Text>;
}

/** The Office's roll-up: per honor and unit, registered / proposed and the difference; return a submitted sheet; the honors counted. */
export function CountRollupPanel({ campaign }: { campaign: CampaignRef }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const q = useQuery({ queryKey: keys.counts.rollup(campaign), queryFn: () => getCountRollup(campaign) });
  const [returning, setReturning] = useState<RollupUnit | null>(null);
  const [honors, setHonors] = useState<string[] | null>(null);
  const ret = useMutation({
    mutationFn: (reason: string) => returnCountSheet({ ...campaign, unitId: returning!.unitId, reason }),
    onSuccess: async () => {
      message.success('Đã trả lại đăng ký số lượng cho đơn vị.');
      setReturning(null);
      await qc.invalidateQueries({ queryKey: keys.counts.all });
    },
  });
  const configure = useMutation({
    mutationFn: (list: string[]) => setCountHonors({ ...campaign, honors: codesOf(HONORS, list) }),
    onSuccess: async () => {
      message.success('Đã lưu danh sách hình thức đăng ký theo số lượng.');
      setHonors(null);
      await qc.invalidateQueries({ queryKey: keys.counts.all });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (q.isPending) return <LoadingBlock />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16} data-testid="count-rollup">
      <Space wrap>
        <ExportButton download={() => exportCountRollup(campaign)} />
        {r.honors.map((h) => (
          <Tag
            key={h.honor}
            color={h.difference === 0 ? 'green' : h.difference > 0 ? 'red' : 'orange'}
            data-testid={`count-total-${h.honor}`}
            style={{ whiteSpace: 'normal' }}
          >
            {h.label}: đăng ký {h.registered}, đã đề nghị {h.proposed} (
            {h.difference === 0 ? 'khớp' : h.difference > 0 ? `nhiều hơn ${h.difference}` : `ít hơn ${-h.difference}`})
          </Tag>
        ))}
      </Space>
      <Table<RollupUnit>
        size="small"
        rowKey="unitId"
        pagination={false}
        dataSource={r.units}
        locale={{ emptyText: 'Chưa có đơn vị nào đăng ký số lượng hoặc đề nghị' }}
        scroll={{ x: 'max-content' }}
        data-testid="count-rollup-table"
        columns={[
          { title: 'Đơn vị', dataIndex: 'unitName', fixed: phone ? undefined : 'left', width: phone ? 140 : undefined },
          {
            title: 'Tình trạng',
            dataIndex: 'statusLabel',
            width: 130,
            render: (t: string, u) => <Tag color={u.status === 'submitted' ? 'green' : u.status === 'returned' ? 'orange' : undefined}>{t}</Tag>,
          },
          ...r.honors.map((h, i) => ({
            title: <span title={h.label}>{h.label}</span>,
            width: 150,
            render: (_: unknown, u: RollupUnit) => {
              const c = u.cells[i]!;
              return (
                <span data-testid={`count-cell-${h.honor}`}>
                  {c.registered ?? '—'} / {c.proposed} <Difference d={c.difference} />
                </span>
              );
            },
          })),
          {
            title: '',
            width: 110,
            render: (_: unknown, u: RollupUnit) =>
              u.abilities.includes('return') ? (
                <Button size="small" icon={<RollbackOutlined />} onClick={() => setReturning(u)} data-testid="count-return">
                  Trả lại
                </Button>
              ) : null,
          },
        ]}
      />
      <Typography.Text type="secondary">
        Mỗi ô: số đăng ký / số đã đề nghị trong hồ sơ đã gửi của đợt, và chênh lệch (+ đề nghị nhiều hơn đăng ký).
      </Typography.Text>
      {r.abilities.includes('configure') ? (
        <Card size="small" title="Hình thức đăng ký theo số lượng">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {r.configured ? 'Văn phòng đã chọn.' : 'Đang theo mặc định: các hình thức khen thưởng cấp cao (cấp bộ, tỉnh trở lên) mà đợt này xét.'}
            </Typography.Text>
            <Select
              mode="multiple"
              style={{ width: '100%' }}
              value={honors ?? r.honors.map((h) => h.honor)}
              onChange={(v: string[]) => setHonors(v)}
              options={HONORS.map((h) => ({ value: h, label: HONOR_INFO[h].label }))}
            />
            <Button disabled={honors === null} loading={configure.isPending} onClick={() => honors && configure.mutate(honors)}>
              Lưu danh sách
            </Button>
          </Space>
        </Card>
      ) : null}
      <ReasonModal
        open={!!returning}
        title={`Trả lại đăng ký số lượng: ${returning?.unitName ?? ''}`}
        okText="Trả lại"
        intro="Đơn vị sẽ sửa được bảng đăng ký số lượng và gửi lại (trong thời hạn đăng ký, hoặc khi Văn phòng mở lại)."
        onClose={() => setReturning(null)}
        onSubmit={(reason) => ret.mutate(reason)}
        pending={ret.isPending}
        error={ret.error ? errorText(ret.error) : null}
        testId="count-return-modal"
      />
    </Space>
  );
}
