/** Decisions: candidates ready to decide (head) or to forward (Office), the register of decisions, revocation, DOCX. */
import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Form, Grid, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import {
  exportDecisions,
  getDecision,
  issueDecision,
  listDecisions,
  pipelineAbilities,
  readyToDecide,
  revokeDecision,
  deleteExternalDecision,
  type Decision,
  type ReadyCandidate,
} from '../../api/dossiers';
import { errorText } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { fmtDate, fromDayjs } from '../../lib/format';
import { DocumentDownloads, download, money } from './common';
import { ExportButton } from '../../components/ExportButton';
import { keys } from '../../api/keys';
import { DecisionSignatures } from './DecisionSignatures';
import { ExternalDecisionForm } from './ExternalDecisionForm';

function DecisionDrawer({ id, onClose, onEdit }: { id: string | null; onClose: () => void; onEdit: (d: Decision) => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const remove = useMutation({
    mutationFn: () => deleteExternalDecision(id!),
    onSuccess: async () => {
      message.success('Đã xóa quyết định ghi nhận nhầm.');
      await qc.invalidateQueries({ queryKey: keys.decisions.all });
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const [reason, setReason] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const q = useQuery({ queryKey: keys.decision(id), queryFn: () => getDecision(id!), enabled: id !== null });
  const revoke = useMutation({
    mutationFn: () => revokeDecision(id!, { reason, awardeeIds: selected.length ? selected : undefined }),
    onSuccess: async () => {
      message.success('Đã hủy bỏ khen thưởng.');
      setReason('');
      setSelected([]);
      await qc.invalidateQueries({ queryKey: keys.decision(id) });
      await qc.invalidateQueries({ queryKey: keys.decisions.all });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const d = q.data;
  // On a phone the drawer takes the whole width and the details stack in one column.
  const phone = !Grid.useBreakpoint().md;
  return (
    <Drawer open={id !== null} onClose={onClose} width={phone ? '100%' : 820} title={d ? `Quyết định số ${d.numberText}` : 'Quyết định'}>
      {d ? (
        <>
          <Descriptions size="small" column={phone ? 1 : 2} bordered>
            <Descriptions.Item label="Cơ quan ban hành" span={phone ? 1 : 2}>
              {d.issuerName}
            </Descriptions.Item>
            <Descriptions.Item label="Ngày">{fmtDate(d.decisionDate)}</Descriptions.Item>
            <Descriptions.Item label="Trạng thái">
              <Tag color={d.status === 'revoked' ? 'red' : d.status === 'signing' ? 'orange' : 'green'}>{d.statusLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="Trích yếu" span={phone ? 1 : 2}>
              {d.title}
            </Descriptions.Item>
            <Descriptions.Item label="Người ký">
              {d.signerAuthorities.length ? `${d.signerAuthorities.map((a) => `${a.authority} ${a.of}`).join(' – ')} – ` : ''}
              {d.signerTitle} {d.signerName}
            </Descriptions.Item>
            <Descriptions.Item label="Tổng tiền thưởng">{money(d.totalAmount)}</Descriptions.Item>
            {d.kind === 'external' && d.legalBases.length ? (
              <Descriptions.Item label="Căn cứ" span={phone ? 1 : 2}>
                {d.legalBases.map((b, i) => (
                  <div key={i}>{b}</div>
                ))}
              </Descriptions.Item>
            ) : null}
            {d.proposal ? (
              <Descriptions.Item label="Xét đề nghị" span={phone ? 1 : 2}>
                {d.proposal}
              </Descriptions.Item>
            ) : null}
            {d.fundingRoute ? (
              <Descriptions.Item label="Nguồn kinh phí" span={phone ? 1 : 2}>
                {d.fundingRoute}
              </Descriptions.Item>
            ) : null}
            {d.executors.length ? (
              <Descriptions.Item label="Thi hành" span={phone ? 1 : 2}>
                {d.executors.join('; ')}
              </Descriptions.Item>
            ) : null}
            {d.revokeReason ? (
              <Descriptions.Item label="Lý do hủy bỏ" span={phone ? 1 : 2}>
                {d.revokeReason}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Space style={{ margin: '12px 0' }} wrap>
            <DocumentDownloads url={`/api/decisions/${d.id}/docx`} label="Tải quyết định" testId="decision" />
            {d.hasFile ? <Button onClick={() => download(`/api/decisions/${d.id}/file`)}>Bản đính kèm</Button> : null}
            {d.abilities.includes('edit') ? (
              <Button onClick={() => onEdit(d)} data-testid="decision-edit">
                Sửa
              </Button>
            ) : null}
            {d.abilities.includes('delete') ? (
              <Popconfirm
                title="Xóa quyết định ghi nhận nhầm? Lịch sử khen thưởng ghi theo quyết định này cũng được xóa."
                okText="Xóa"
                okButtonProps={{ danger: true }}
                cancelText="Không"
                onConfirm={() => remove.mutate()}
              >
                <Button danger loading={remove.isPending} data-testid="decision-delete">
                  Xóa (ghi nhận nhầm)
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
          <DecisionSignatures decisionId={d.id} numberText={d.numberText} />
          {/* The list scrolls inside the drawer on a phone, never the page. */}
          <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 620 }}
              style={{ marginTop: 16 }}
              dataSource={d.awardees ?? []}
              rowSelection={
                d.abilities.includes('revoke')
                  ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]), getCheckboxProps: (a) => ({ disabled: a.revoked }) }
                  : undefined
              }
              columns={[
                {
                  title: 'Họ tên / tập thể',
                  key: 'n',
                  render: (_: unknown, a: NonNullable<Decision['awardees']>[number]) => (
                    <span style={a.revoked ? { textDecoration: 'line-through' } : undefined}>
                      {a.displayName}
                      {a.revoked ? (
                        <Tag color="red" style={{ marginLeft: 8 }}>
                          Đã hủy bỏ
                        </Tag>
                      ) : null}
                    </span>
                  ),
                },
                { title: 'Chức vụ, đơn vị', dataIndex: 'positionText', key: 'p' },
                { title: 'Hình thức', dataIndex: 'honorLabel', key: 'h' },
                {
                  title: 'Tiền thưởng',
                  key: 'm',
                  align: 'right' as const,
                  render: (_: unknown, a: NonNullable<Decision['awardees']>[number]) => money(a.amount),
                },
              ]}
            />
          </div>
          {d.abilities.includes('revoke') ? (
            <Card size="small" title="Hủy bỏ khen thưởng (Điều 93 Luật Thi đua, khen thưởng)" style={{ marginTop: 16 }}>
              <Typography.Paragraph type="secondary">
                Chọn người/tập thể trong danh sách (không chọn = hủy bỏ cả quyết định) và ghi lý do. Lịch sử khen thưởng được đánh dấu, không bị xóa.
              </Typography.Paragraph>
              <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Lý do hủy bỏ" />
              <Popconfirm title="Xác nhận hủy bỏ?" okText="Hủy bỏ" okButtonProps={{ danger: true }} cancelText="Không" onConfirm={() => revoke.mutate()}>
                <Button danger style={{ marginTop: 8 }} disabled={reason.trim().length < 3}>
                  Hủy bỏ {selected.length ? `${selected.length} người/tập thể` : 'quyết định'}
                </Button>
              </Popconfirm>
            </Card>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}

export default function DecisionsPage() {
  const user = useUser();
  const ab = pipelineAbilities(user);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const ready = useQuery({ queryKey: keys.decisions.ready, queryFn: readyToDecide });
  const list = useQuery({ queryKey: keys.decisions.all, queryFn: listDecisions });
  const [selected, setSelected] = useState<string[]>([]);
  const [issuing, setIssuing] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  // The higher authority's decision being recorded (null) or corrected; undefined: the form is closed.
  const [external, setExternal] = useState<Decision | null | undefined>(undefined);
  const [form] = Form.useForm<{ decisionDate: Dayjs; signerName: string; signerTitle: string; title?: string }>();
  const issue = useMutation({
    mutationFn: (v: { decisionDate: Dayjs; signerName: string; signerTitle: string; title?: string }) =>
      issueDecision({
        candidateIds: selected,
        decisionDate: fromDayjs(v.decisionDate)!,
        signerName: v.signerName,
        signerTitle: v.signerTitle,
        title: v.title ?? null,
      }),
    onSuccess: async (d) => {
      message.success(`Đã ban hành Quyết định số ${d.numberText}.`);
      setIssuing(false);
      setSelected([]);
      await qc.invalidateQueries({ queryKey: keys.decisions.all });
      setOpen(d.id);
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <>
      <PageHeader
        title="Quyết định khen thưởng"
        subtitle="Số quyết định lấy từ sổ đăng ký của cơ quan (không trùng, không bỏ số); tiền thưởng tính theo quy định tại ngày ký."
      />
      <Card
        size="small"
        title={`Đề nghị đã được Hội đồng thông qua (${ready.data?.items.length ?? 0})`}
        style={{ marginBottom: 16 }}
        extra={
          ab.issue ? (
            <Button type="primary" disabled={!selected.length} onClick={() => setIssuing(true)} data-testid="decision-issue">
              Ban hành quyết định ({selected.length})
            </Button>
          ) : null
        }
      >
        {ready.isError ? <ErrorAlert error={ready.error} /> : null}
        <Table
          rowKey="id"
          size="small"
          loading={ready.isLoading}
          pagination={false}
          dataSource={ready.data?.items ?? []}
          rowSelection={ab.issue ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) } : undefined}
          locale={{ emptyText: 'Không có đề nghị nào chờ quyết định.' }}
          columns={[
            {
              title: 'Họ tên / tập thể',
              key: 'n',
              render: (_: unknown, c: ReadyCandidate) => (
                <div>
                  <strong>{c.displayName}</strong>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.positionText}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            { title: 'Hình thức', dataIndex: 'honorLabel', key: 'h' },
            { title: 'Hồ sơ', key: 'd', render: (_: unknown, c: ReadyCandidate) => <Link to={`/ho-so/${c.dossierId}`}>{c.unitName}</Link> },
            {
              title: 'Hội đồng',
              dataIndex: 'councilText',
              key: 'v',
              render: (t: string | null) => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t}
                </Typography.Text>
              ),
            },
          ]}
        />
        {ab.forward ? (
          <Alert
            style={{ marginTop: 8 }}
            type="info"
            showIcon
            message="Hình thức vượt thẩm quyền của cơ quan (Bằng khen tỉnh, …): mở hồ sơ và chọn “Trình cấp trên”; chỉ tiêu của phong trào được kiểm tra tự động."
          />
        ) : null}
      </Card>
      <Card
        size="small"
        title="Sổ quyết định"
        extra={
          <Space wrap>
            {ab.record ? (
              <Button onClick={() => setExternal(null)} data-testid="external-decision-new">
                Ghi nhận quyết định của cấp trên
              </Button>
            ) : null}
            <ExportButton download={() => exportDecisions()} />
          </Space>
        }
      >
        <Table
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          // A phone scrolls the register inside its card, not the page.
          scroll={{ x: 920 }}
          locale={{ emptyText: 'Chưa có quyết định nào.' }}
          onRow={(d) => ({ onClick: () => setOpen(d.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: 'Số', dataIndex: 'numberText', key: 'n', width: 150, render: (t: string) => <a>{t}</a> },
            { title: 'Ngày', key: 'd', width: 110, render: (_: unknown, d: Decision) => fmtDate(d.decisionDate) },
            { title: 'Trích yếu', dataIndex: 'title', key: 't' },
            {
              title: 'Cơ quan',
              key: 'i',
              width: 220,
              render: (_: unknown, d: Decision) => (
                <span>
                  {d.issuerName}
                  {d.kind === 'external' ? <Tag style={{ marginLeft: 6 }}>Cấp trên</Tag> : null}
                </span>
              ),
            },
            { title: 'Số người', dataIndex: 'awardeeCount', key: 'c', width: 90, align: 'right' as const },
            { title: 'Tiền thưởng', key: 'm', width: 130, align: 'right' as const, render: (_: unknown, d: Decision) => money(d.totalAmount) },
            {
              title: '',
              key: 's',
              width: 110,
              render: (_: unknown, d: Decision) =>
                d.status === 'revoked' ? (
                  <Tag color="red">Đã hủy bỏ</Tag>
                ) : d.status === 'signing' ? (
                  <Tag color="orange">Chờ ký số</Tag>
                ) : d.revokeReason ? (
                  <Tag color="orange">Hủy bỏ một phần</Tag>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={issuing}
        title={`Ban hành quyết định khen thưởng (${selected.length} người/tập thể)`}
        okText="Ban hành"
        onCancel={() => setIssuing(false)}
        onOk={() => form.submit()}
        confirmLoading={issue.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ signerName: user.displayName.replace(/\s*\(.*\)$/, ''), signerTitle: 'Giám đốc Sở' }}
          onFinish={(v) => issue.mutate(v)}
        >
          <Form.Item name="decisionDate" label="Ngày ký" rules={[{ required: true, message: 'Hãy chọn ngày ký.' }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="signerName" label="Người ký" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="signerTitle" label="Chức vụ người ký" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="title" label="Trích yếu (để trống: tự lập)">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <DecisionDrawer id={open} onClose={() => setOpen(null)} onEdit={(d) => setExternal(d)} />
      <ExternalDecisionForm
        open={external !== undefined}
        decision={external}
        onClose={() => setExternal(undefined)}
        onSaved={(d) => {
          setExternal(undefined);
          setOpen(d.id);
        }}
      />
    </>
  );
}
