/** What the portal shows: each kind of content on or off for the unit's subtree, and decisions taken off the portal (or put back). */
import { Alert, App, Button, Card, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { getPublication, getPublicDecision, restoreDecision, setPublication, takeDecisionOff } from '../../api/exemplars';
import { listDecisions, type Decision } from '../../api/dossiers';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';
import { PUBLIC_KINDS } from '../../../shared/codes';
import { codeOf } from '../../lib/codes';
import { ExemplarTabs } from './nav';

const PAGE = 10;

export default function PublicationPage() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const settings = useQuery({ queryKey: keys.exemplars.publication, queryFn: getPublication });
  const decisions = useQuery({ queryKey: ['decisions', 'for-portal'], queryFn: listDecisions });
  const [page, setPage] = useState(1);
  const [target, setTarget] = useState<{ d: Decision; off: boolean } | null>(null);
  const [reason, setReason] = useState('');
  const issued = (decisions.data?.items ?? []).filter((d) => d.status === 'issued');
  const shown = issued.slice((page - 1) * PAGE, page * PAGE);
  // Whether each decision on this page is on the portal: the public answer itself says so.
  const onPortal = useQueries({
    queries: shown.map((d) => ({
      queryKey: keys.portal.decision(d.id),
      queryFn: () =>
        getPublicDecision(d.id).then(
          () => true,
          () => false,
        ),
      staleTime: 0,
    })),
  });
  const toggle = useMutation({
    mutationFn: (v: { kind: string; enabled: boolean }) => {
      const kind = codeOf(PUBLIC_KINDS, v.kind);
      if (!kind || !settings.data) throw new Error('Loại nội dung không hợp lệ.');
      return setPublication({ unitId: settings.data.unitId, kind, enabled: v.enabled });
    },
    onSuccess: async (_r, v) => {
      message.success(v.enabled ? 'Đã bật công khai.' : 'Đã tắt công khai: nội dung loại này không còn trên cổng.');
      await qc.invalidateQueries({ queryKey: keys.exemplars.publication });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const item = useMutation({
    mutationFn: (v: { d: Decision; off: boolean; reason: string }) => (v.off ? takeDecisionOff(v.d.id, v.reason) : restoreDecision(v.d.id, v.reason)),
    onSuccess: async (_r, v) => {
      message.success(v.off ? 'Đã gỡ quyết định khỏi cổng (quyết định vẫn giữ nguyên).' : 'Đã đăng lại quyết định lên cổng.');
      setTarget(null);
      setReason('');
      await qc.invalidateQueries({ queryKey: ['portal'] });
    },
  });
  if (settings.isPending) return <LoadingBlock />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  const s = settings.data;
  return (
    <>
      <PageHeader
        title="Công khai trên cổng thông tin"
        subtitle={
          <>
            Nội dung được công khai tại <Link to="/cong-khai">cổng thông tin</Link>: chỉ tên, chức vụ và đơn vị như in, hình thức khen thưởng, quyết định.
          </>
        }
      />
      <ExemplarTabs />
      {!s.canManage ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Bạn chỉ xem; Văn phòng đơn vị thay đổi các thiết lập này." /> : null}
      <Card size="small" title="Loại nội dung được công khai (đơn vị của bạn và các đơn vị trực thuộc)" style={{ marginBottom: 16 }}>
        <Space orientation="vertical">
          {s.kinds.map((k) => (
            <Space key={k.kind}>
              <Switch
                checked={k.enabled}
                disabled={!s.canManage || (k.setByUnitId !== null && k.setByUnitId !== s.unitId)}
                loading={toggle.isPending}
                onChange={(enabled) => toggle.mutate({ kind: k.kind, enabled })}
                data-testid={`publication-${k.kind}`}
              />
              <span>{k.label}</span>
              {k.setByUnitId && k.setByUnitId !== s.unitId ? <Typography.Text type="secondary">(cấp trên đã tắt)</Typography.Text> : null}
            </Space>
          ))}
        </Space>
      </Card>
      <Card size="small" title="Quyết định khen thưởng trên cổng">
        <Typography.Paragraph type="secondary">
          Gỡ một quyết định khỏi cổng (ví dụ khi đang có khiếu nại) không thay đổi quyết định. Điển hình và bài viết được gỡ ngay trên trang của chúng.
        </Typography.Paragraph>
        {decisions.isError ? <ErrorAlert error={decisions.error} /> : null}
        <Table<Decision>
          rowKey="id"
          size="small"
          loading={decisions.isPending}
          dataSource={shown}
          scroll={{ x: 700 }}
          pagination={{ current: page, pageSize: PAGE, total: issued.length, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: 'Số', dataIndex: 'numberText', width: 140 },
            { title: 'Ngày', dataIndex: 'decisionDate', width: 110, render: (v: string) => fmtDate(v) },
            { title: 'Trích yếu', dataIndex: 'title' },
            {
              title: 'Trên cổng',
              key: 'on',
              width: 110,
              render: (_, d, i) => {
                const on = onPortal[i]?.data;
                return on === undefined ? '…' : on ? <Tag color="green">Đang công khai</Tag> : <Tag>Không hiển thị</Tag>;
              },
            },
            {
              title: '',
              key: 'act',
              width: 130,
              render: (_, d, i) =>
                s.canManage && onPortal[i]?.data !== undefined ? (
                  <Button size="small" danger={onPortal[i]?.data} onClick={() => setTarget({ d, off: Boolean(onPortal[i]?.data) })}>
                    {onPortal[i]?.data ? 'Gỡ khỏi cổng' : 'Đăng lại'}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={target !== null}
        title={target?.off ? `Gỡ quyết định ${target.d.numberText} khỏi cổng` : `Đăng lại quyết định ${target?.d.numberText ?? ''}`}
        okText={target?.off ? 'Gỡ' : 'Đăng lại'}
        cancelText="Hủy"
        confirmLoading={item.isPending}
        onCancel={() => setTarget(null)}
        onOk={() => target && item.mutate({ ...target, reason })}
      >
        {item.isError ? <Alert type="error" showIcon title={errorText(item.error)} style={{ marginBottom: 12 }} /> : null}
        <Form layout="vertical">
          <Form.Item label="Lý do" required>
            <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
