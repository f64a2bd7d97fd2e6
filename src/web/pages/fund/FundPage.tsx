/** Quỹ thi đua, khen thưởng of a year: figures, money per decision (pay), ledger export; the award-item stock and re-issue requests. */
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { addSource, exportLedger, getFund, getStock, grantReissue, listCommitments, listReissues, pay, type FundCommitment } from '../../api/fund';
import { ExportButton } from '../../components/ExportButton';
import { todayVn } from '../../lib/today';

const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đ`;

export function FundPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [year, setYear] = useState(Number(todayVn().slice(0, 4)));
  const fund = useQuery({ queryKey: keys.fund.year(year), queryFn: () => getFund(year) });
  const commitments = useQuery({ queryKey: [...keys.fund.year(year), 'commitments'], queryFn: () => listCommitments(year) });
  const stock = useQuery({ queryKey: [...keys.fund.all, 'stock'], queryFn: () => getStock() });
  const reissues = useQuery({ queryKey: [...keys.fund.all, 'reissues'], queryFn: () => listReissues() });
  const [paying, setPaying] = useState<FundCommitment | null>(null);
  const [sourceOpen, setSourceOpen] = useState(false);
  const [payForm] = Form.useForm<{ amount: number; voucher: string; entryDate: string }>();
  const [sourceForm] = Form.useForm<{ source: 'budget' | 'contribution'; amount: number; description: string; entryDate: string }>();
  const refresh = () => void qc.invalidateQueries({ queryKey: keys.fund.all });
  const payM = useMutation({
    mutationFn: (v: { amount: number; voucher: string; entryDate: string }) =>
      pay(year, { commitmentId: paying!.id, payee: paying!.awardeeName, amount: v.amount, voucher: v.voucher, entryDate: v.entryDate }),
    onSuccess: () => {
      setPaying(null);
      refresh();
      void message.success('Đã chi tiền thưởng.');
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const sourceM = useMutation({
    mutationFn: (v: { source: 'budget' | 'contribution'; amount: number; description: string; entryDate: string }) => addSource(year, v),
    onSuccess: () => {
      setSourceOpen(false);
      refresh();
      void message.success('Đã ghi nguồn quỹ.');
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const grantM = useMutation({ mutationFn: grantReissue, onSuccess: refresh, onError: (e) => void message.error(errorText(e)) });
  const f = fund.data;
  const canWrite = f?.abilities.includes('pay') ?? false;

  const fundTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          value={year}
          onChange={setYear}
          options={[0, 1, 2, 3, 4, 5].map((i) => ({ value: Number(todayVn().slice(0, 4)) - i, label: `Năm ${Number(todayVn().slice(0, 4)) - i}` }))}
        />
        {canWrite && (
          <Button type="primary" onClick={() => setSourceOpen(true)} data-testid="add-source">
            Ghi nguồn quỹ
          </Button>
        )}
        <ExportButton download={() => exportLedger(year)} label="Xuất sổ quỹ (Excel)" />
      </Space>
      {f && (
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} data-testid="fund-totals">
          <Descriptions.Item label="Ngân sách cấp">{vnd(f.totals.budget)}</Descriptions.Item>
          <Descriptions.Item label="Đóng góp">{vnd(f.totals.contribution)}</Descriptions.Item>
          <Descriptions.Item label="Tiền thưởng theo quyết định">{vnd(f.totals.committed - f.totals.returned)}</Descriptions.Item>
          <Descriptions.Item label="Đã chi">{vnd(f.totals.paid + f.totals.organising)}</Descriptions.Item>
          <Descriptions.Item label="Số dư quỹ">{vnd(f.totals.balance)}</Descriptions.Item>
          <Descriptions.Item label="Còn phải chi">{vnd(f.totals.owed)}</Descriptions.Item>
          <Descriptions.Item label="Chi tổ chức tối đa">
            {vnd(f.organisingCap.cap)} ({f.organisingCap.article})
          </Descriptions.Item>
          <Descriptions.Item label="Phải thu hồi">{vnd(f.totals.toRecover)}</Descriptions.Item>
        </Descriptions>
      )}
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: 700 }}
        loading={commitments.isLoading}
        dataSource={commitments.data?.items ?? []}
        pagination={false}
        columns={[
          { title: 'Quyết định', dataIndex: 'decisionNumber' },
          { title: 'Người được khen', dataIndex: 'awardeeName' },
          { title: 'Tiền thưởng', dataIndex: 'amount', render: vnd },
          { title: 'Đã chi', dataIndex: 'paid', render: vnd },
          {
            title: 'Tình trạng',
            dataIndex: 'status',
            render: (s: string) =>
              s === 'returned' ? <Tag color="red">Đã hủy bỏ</Tag> : s === 'paid' ? <Tag color="green">Đã chi</Tag> : <Tag>Còn phải chi</Tag>,
          },
          {
            title: '',
            render: (_: unknown, c: FundCommitment) =>
              canWrite && c.status === 'open' ? (
                <Button
                  size="small"
                  onClick={() => {
                    setPaying(c);
                    payForm.setFieldsValue({ amount: c.outstanding, voucher: '', entryDate: todayVn() });
                  }}
                >
                  Chi
                </Button>
              ) : null,
          },
        ]}
      />
    </Space>
  );

  return (
    <Card title="Quỹ thi đua, khen thưởng và hiện vật">
      <Tabs
        items={[
          { key: 'fund', label: 'Quỹ', children: fundTab },
          {
            key: 'stock',
            label: 'Kho phôi, hiện vật',
            children: (
              <Table
                rowKey="itemKind"
                size="small"
                scroll={{ x: 600 }}
                pagination={false}
                dataSource={stock.data?.items ?? []}
                columns={[
                  { title: 'Loại', dataIndex: 'label' },
                  { title: 'Nhập', dataIndex: 'received' },
                  { title: 'Cấp phát', dataIndex: 'issued' },
                  { title: 'Hỏng', dataIndex: 'spoiled' },
                  { title: 'Thu hồi', dataIndex: 'recalled' },
                  { title: 'Tồn', dataIndex: 'stock' },
                ]}
              />
            ),
          },
          {
            key: 'reissue',
            label: 'Cấp lại, cấp đổi',
            children: (
              <Table
                rowKey="id"
                size="small"
                scroll={{ x: 700 }}
                pagination={false}
                dataSource={reissues.data?.items ?? []}
                columns={[
                  { title: 'Loại', dataIndex: 'kindLabel' },
                  { title: 'Người đề nghị', dataIndex: 'requesterName' },
                  { title: 'Số cũ', render: (_: unknown, r) => r.oldCertificate.registerNumber },
                  { title: 'Số mới', render: (_: unknown, r) => r.newCertificate?.registerNumber ?? '' },
                  {
                    title: 'Hạn',
                    dataIndex: 'dueDate',
                    render: (d: string, r) => <span style={{ color: r.overdue ? 'red' : undefined }}>{d.split('-').reverse().join('/')}</span>,
                  },
                  { title: 'Trạng thái', dataIndex: 'statusLabel' },
                  {
                    title: '',
                    render: (_: unknown, r) =>
                      r.abilities.includes('issue') ? (
                        <Button size="small" onClick={() => grantM.mutate(r.id)}>
                          Cấp
                        </Button>
                      ) : null,
                  },
                ]}
              />
            ),
          },
        ]}
      />
      <Modal
        open={paying !== null}
        title={`Chi tiền thưởng: ${paying?.awardeeName ?? ''}`}
        onCancel={() => setPaying(null)}
        onOk={() => void payForm.validateFields().then((v) => payM.mutate(v))}
      >
        <Form form={payForm} layout="vertical">
          <Form.Item name="amount" label="Số tiền" rules={[{ required: true, message: 'Hãy nhập số tiền.' }]}>
            <InputNumber style={{ width: '100%' }} min={1} />
          </Form.Item>
          <Form.Item name="voucher" label="Số chứng từ" rules={[{ required: true, message: 'Hãy nhập số chứng từ.' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="entryDate" label="Ngày (yyyy-mm-dd)" rules={[{ required: true, message: 'Hãy nhập ngày.' }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={sourceOpen}
        title="Ghi nguồn quỹ"
        onCancel={() => setSourceOpen(false)}
        onOk={() => void sourceForm.validateFields().then((v) => sourceM.mutate(v))}
      >
        <Form form={sourceForm} layout="vertical" initialValues={{ source: 'budget', entryDate: todayVn() }}>
          <Form.Item name="source" label="Nguồn">
            <Select
              options={[
                { value: 'budget', label: 'Ngân sách cấp' },
                { value: 'contribution', label: 'Đóng góp, tài trợ' },
              ]}
            />
          </Form.Item>
          <Form.Item name="amount" label="Số tiền" rules={[{ required: true, message: 'Hãy nhập số tiền.' }]}>
            <InputNumber style={{ width: '100%' }} min={1} />
          </Form.Item>
          <Form.Item name="description" label="Nội dung" rules={[{ required: true, message: 'Hãy ghi nội dung.' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="entryDate" label="Ngày (yyyy-mm-dd)" rules={[{ required: true, message: 'Hãy nhập ngày.' }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
