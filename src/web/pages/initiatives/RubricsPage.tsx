/** The agency's scoring rubrics (thang điểm): each year's versions, and the form that issues a new version. */
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createRubric, listRubrics, type InitiativeRubric, type RubricInput } from '../../api/initiatives';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { currentYearVn } from '../../lib/today';

type FormValues = RubricInput;

const STARTER: RubricInput['criteria'] = [
  { key: 'tinh_moi', label: 'Tính mới', maxPoints: 30, levels: [{ points: 30, descriptor: 'Mới hoàn toàn trong cơ quan' }] },
  { key: 'kha_nang_ap_dung', label: 'Khả năng áp dụng', maxPoints: 30, levels: [{ points: 30, descriptor: 'Áp dụng được rộng rãi' }] },
  { key: 'hieu_qua', label: 'Hiệu quả', maxPoints: 30, levels: [{ points: 30, descriptor: 'Làm lợi rõ rệt' }] },
  { key: 'pham_vi', label: 'Phạm vi ảnh hưởng', maxPoints: 10, levels: [{ points: 10, descriptor: 'Toàn cơ quan' }] },
];

function RubricModal({ base, onClose }: { base: InitiativeRubric | 'new'; onClose: () => void }) {
  const user = useUser();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useMutation({
    mutationFn: (v: FormValues) => createRubric(v),
    onSuccess: async (r) => {
      message.success(`Đã ban hành ${r.name} năm ${r.year}, phiên bản ${r.version}.`);
      await qc.invalidateQueries({ queryKey: keys.initiatives.all });
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const initial: Partial<FormValues> =
    base === 'new'
      ? {
          unitId: user.unitId,
          year: currentYearVn(),
          name: 'Thang điểm chấm sáng kiến',
          source: 'Quy chế sáng kiến của cơ quan',
          passMark: 60,
          criteria: STARTER,
        }
      : { unitId: base.unitId, year: base.year, name: base.name, source: base.source, passMark: base.passMark, criteria: base.criteria };
  return (
    <Modal
      open
      width={860}
      title={base === 'new' ? 'Ban hành thang điểm' : `Sửa thang điểm (ban hành phiên bản ${base.version + 1})`}
      okText="Ban hành"
      cancelText="Hủy"
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Mỗi lần lưu là một phiên bản mới; đợt xét đã tạo giữ phiên bản nó dùng, điểm đã chấm không đổi.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initial} data-testid="rubric-form">
        <Space wrap>
          <Form.Item name="unitId" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
            <UnitTreeSelect style={{ width: 300 }} />
          </Form.Item>
          <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="passMark" label="Điểm đạt" rules={[{ required: true, message: 'Nhập điểm đạt' }]}>
            <InputNumber min={1} data-testid="rubric-pass" />
          </Form.Item>
        </Space>
        <Form.Item name="name" label="Tên thang điểm" rules={[{ required: true, message: 'Nhập tên' }]}>
          <Input data-testid="rubric-name" />
        </Form.Item>
        <Form.Item name="source" label="Căn cứ (quy chế của cơ quan)" rules={[{ required: true, message: 'Nhập căn cứ' }]}>
          <Input />
        </Form.Item>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={`Tiêu chí ${i + 1}`}
                  extra={fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="Bỏ tiêu chí" /> : null}
                >
                  <Space wrap align="start">
                    <Form.Item name={[f.name, 'label']} label="Tên tiêu chí" rules={[{ required: true, message: 'Nhập tên tiêu chí' }]}>
                      <Input style={{ width: 260 }} data-testid={`criterion-label-${i}`} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'key']}
                      label="Mã (không dấu)"
                      rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/, message: 'Chữ thường không dấu, số, dấu gạch dưới' }]}
                    >
                      <Input style={{ width: 180 }} data-testid={`criterion-key-${i}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'maxPoints']} label="Điểm tối đa" rules={[{ required: true, message: 'Nhập điểm' }]}>
                      <InputNumber min={1} max={100} data-testid={`criterion-max-${i}`} />
                    </Form.Item>
                  </Space>
                  <Form.List name={[f.name, 'levels']}>
                    {(levels, lv) => (
                      <>
                        {levels.map((l, j) => (
                          <Space key={l.key} align="baseline" wrap>
                            <Form.Item name={[l.name, 'points']} label={j === 0 ? 'Mức điểm' : undefined} rules={[{ required: true, message: 'Điểm' }]}>
                              <InputNumber min={0} max={100} />
                            </Form.Item>
                            <Form.Item
                              name={[l.name, 'descriptor']}
                              label={j === 0 ? 'Mô tả mức điểm' : undefined}
                              rules={[{ required: true, message: 'Mô tả' }]}
                            >
                              <Input style={{ width: 380 }} />
                            </Form.Item>
                            {levels.length > 1 ? <MinusCircleOutlined onClick={() => lv.remove(l.name)} aria-label="Bỏ mức điểm" /> : null}
                          </Space>
                        ))}
                        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => lv.add({ points: 0, descriptor: '' })}>
                          Thêm mức điểm
                        </Button>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ key: '', label: '', maxPoints: 10, levels: [{ points: 10, descriptor: '' }] })}
              >
                Thêm tiêu chí
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export default function RubricsPage() {
  const q = useQuery({ queryKey: keys.initiatives.rubrics, queryFn: () => listRubrics() });
  const [editing, setEditing] = useState<InitiativeRubric | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title="Thang điểm chấm sáng kiến"
        subtitle="Tiêu chí, điểm tối đa và mô tả từng mức điểm, theo năm và phiên bản"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rubric-new">
            Ban hành thang điểm
          </Button>
        }
      />
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      <Table<InitiativeRubric>
        loading={q.isPending}
        rowKey="id"
        dataSource={q.data?.items ?? []}
        data-testid="rubrics-table"
        scroll={{ x: 'max-content' }}
        pagination={false}
        expandable={{
          expandedRowRender: (r) => (
            <Space direction="vertical">
              {r.criteria.map((c) => (
                <span key={c.key}>
                  <strong>{`${c.label} (tối đa ${c.maxPoints})`}</strong>
                  {`: ${c.levels.map((l) => `${l.points} điểm: ${l.descriptor}`).join('; ')}`}
                </span>
              ))}
              <span>{`Căn cứ: ${r.source}`}</span>
            </Space>
          ),
        }}
        columns={[
          { title: 'Năm', dataIndex: 'year', width: 70 },
          { title: 'Thang điểm', dataIndex: 'name' },
          { title: 'Phiên bản', render: (_, r) => <Tag>{`Phiên bản ${r.version}`}</Tag> },
          { title: 'Điểm đạt', render: (_, r) => `${r.passMark}/${r.maxTotal}` },
          { title: 'Đơn vị', dataIndex: 'unitName', responsive: ['md'] },
          {
            title: '',
            render: (_, r) => (
              <Button size="small" onClick={() => setEditing(r)} data-testid="rubric-edit">
                Sửa (phiên bản mới)
              </Button>
            ),
          },
        ]}
      />
      {editing ? <RubricModal base={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
