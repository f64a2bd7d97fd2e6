/** The agency's own days of a year: the Government's Tết arrangement, days off moved and the weekend days worked in exchange (nghỉ bù, hoán đổi). */
import { App, Button, Collapse, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { listHolidays, setHoliday } from '../../api/dossiers';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { fmtDate, fromDayjs } from '../../lib/format';
import { formatLunar, lunarOf } from '../../../shared/lunar';

interface Values {
  date: Dayjs;
  name: string;
  kind: 'holiday' | 'workday';
}

export function HolidayEditor({ year }: { year: number }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const q = useQuery({ queryKey: keys.holidays(year), queryFn: () => listHolidays(year) });
  const save = useMutation({
    mutationFn: (input: { date: string; name: string; kind: 'holiday' | 'workday' | 'default' }) => setHoliday(input),
    onSuccess: () => {
      message.success('Đã cập nhật lịch ngày làm việc.');
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['holidays'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 12 }}
      items={[
        {
          key: 'days',
          label: `Ngày nghỉ, ngày làm bù năm ${year} (theo thông báo của Chính phủ)`,
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                Tết Nguyên đán và Giỗ Tổ Hùng Vương được tính theo âm lịch; ngày nghỉ trùng thứ Bảy, Chủ nhật được nghỉ bù vào ngày làm việc kế tiếp. Nhập thêm
                các ngày nghỉ, ngày làm bù (hoán đổi) theo thông báo hằng năm; ngày nhập ở đây thay cho lịch mặc định.
              </Typography.Paragraph>
              <Form<Values>
                form={form}
                layout="inline"
                onFinish={(v) => save.mutate({ date: fromDayjs(v.date) ?? '', name: v.name, kind: v.kind })}
                initialValues={{ kind: 'holiday' }}
              >
                <Form.Item name="date" rules={[{ required: true, message: 'Chọn ngày.' }]}>
                  <DatePicker format="DD/MM/YYYY" placeholder="Ngày" data-testid="holiday-date" />
                </Form.Item>
                <Form.Item name="kind">
                  <Select
                    style={{ width: 150 }}
                    options={[
                      { value: 'holiday', label: 'Ngày nghỉ' },
                      { value: 'workday', label: 'Ngày làm bù' },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="name" rules={[{ required: true, message: 'Nhập tên hoặc căn cứ.' }]}>
                  <Input placeholder="Tên / căn cứ (VD: Thông báo số …)" style={{ width: 280 }} data-testid="holiday-name" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  Thêm
                </Button>
              </Form>
              <Table
                size="small"
                rowKey={(r) => `${r.source}-${r.date}`}
                loading={q.isPending}
                dataSource={q.data?.items ?? []}
                pagination={false}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: 'Ngày', dataIndex: 'date', width: 110, render: (d: string) => fmtDate(d) },
                  { title: 'Âm lịch', dataIndex: 'date', width: 90, render: (d: string) => formatLunar(lunarOf(d)) },
                  { title: 'Tên', dataIndex: 'name' },
                  {
                    title: 'Loại',
                    dataIndex: 'kind',
                    width: 110,
                    render: (k: string) => (k === 'workday' ? <Tag color="orange">Làm bù</Tag> : <Tag color="red">Nghỉ</Tag>),
                  },
                  {
                    title: 'Nguồn',
                    dataIndex: 'source',
                    width: 170,
                    render: (s: string, r) =>
                      s === 'agency' ? (
                        <Space>
                          <Tag color="blue">Cơ quan nhập</Tag>
                          <Button size="small" type="link" onClick={() => save.mutate({ date: r.date, name: r.name, kind: 'default' })}>
                            Bỏ
                          </Button>
                        </Space>
                      ) : (
                        <Tag>Bộ luật Lao động</Tag>
                      ),
                  },
                ]}
              />
            </Space>
          ),
        },
      ]}
    />
  );
}
