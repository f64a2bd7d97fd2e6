/** The files of an initiative application: listed for whoever reads it, added and removed while the application may be edited. */
import { App, Button, Card, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  addInitiativeAttachment,
  downloadInitiativeAttachment,
  removeInitiativeAttachment,
  type Initiative,
  type InitiativeAttachment,
} from '../../api/initiatives';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { fmtDateTime } from '../../lib/format';

const MAX_BYTES = 10 * 1024 * 1024;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

export function InitiativeAttachments({ initiative, editable }: { initiative: Initiative; editable: boolean }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const onError = (e: unknown) => void message.error(errorText(e));
  const refresh = (a: Initiative) => qc.setQueryData(keys.initiatives.detail(initiative.id), a);
  const add = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return addInitiativeAttachment(initiative.id, form);
    },
    onSuccess: (a) => {
      refresh(a);
      void message.success('Đã đính kèm tệp.');
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (f: InitiativeAttachment) => removeInitiativeAttachment(initiative.id, f.id),
    onSuccess: (a) => {
      refresh(a);
      void message.success('Đã bỏ tệp đính kèm.');
    },
    onError,
  });
  if (!editable && initiative.attachments.length === 0) return null;
  return (
    <Card
      title="Tệp đính kèm"
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="initiative-attachments"
      extra={
        editable ? (
          <Upload
            showUploadList={false}
            accept=".pdf,.doc,.docx,.jpg,.jpeg,.png"
            beforeUpload={(f) => {
              if (f.size > MAX_BYTES) void message.error('Tệp vượt quá 10 MB.');
              else add.mutate(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={add.isPending} data-testid="attachment-add">
              Đính kèm tệp
            </Button>
          </Upload>
        ) : null
      }
    >
      {editable ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          Bản mô tả sáng kiến, số liệu chứng minh hiệu quả, ảnh áp dụng: PDF, Word hoặc ảnh JPG/PNG, mỗi tệp không quá 10 MB, tối đa 10 tệp.
        </Typography.Paragraph>
      ) : null}
      <List
        size="small"
        dataSource={initiative.attachments}
        locale={{ emptyText: 'Chưa có tệp đính kèm.' }}
        renderItem={(f) => (
          <List.Item
            data-testid="attachment-row"
            actions={[
              <Button
                key="get"
                size="small"
                type="link"
                icon={<DownloadOutlined />}
                aria-label={`Tải ${f.fileName}`}
                onClick={() => void downloadInitiativeAttachment(initiative.id, f).catch(onError)}
              />,
              ...(editable
                ? [
                    <Popconfirm key="del" title={`Bỏ tệp "${f.fileName}"?`} okText="Bỏ tệp" cancelText="Không" onConfirm={() => remove.mutate(f)}>
                      <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={`Bỏ ${f.fileName}`} data-testid="attachment-remove" />
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
              <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                {f.fileName}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${size(f.size)} · ${fmtDateTime(f.createdAt)}`}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
