/** The bell in the header: deadline reminders and workflow notifications for the signed-in account, and whether e-mails are going out. */
import { Alert, Badge, Button, Drawer, Empty, Grid, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { getNotifications, markAllRead, markRead, type Notification } from '../api/plans';
import { fmtDateTime } from '../lib/format';
import { keys } from '../api/keys';

export function NotificationBell() {
  const navigate = useNavigate();
  const [shown, setShown] = useState(false);
  // On a phone the list opens as a drawer across the screen: a popover anchored to the bell would run off its edge.
  const phone = !Grid.useBreakpoint().md;
  const qc = useQueryClient();
  const q = useQuery({ queryKey: keys.notifications, queryFn: getNotifications, refetchInterval: 60_000 });
  const read = useMutation({ mutationFn: (id: string) => markRead(id), onSuccess: () => qc.invalidateQueries({ queryKey: keys.notifications }) });
  const readAll = useMutation({ mutationFn: markAllRead, onSuccess: () => qc.invalidateQueries({ queryKey: keys.notifications }) });
  const open = (n: Notification) => {
    if (!n.readAt) read.mutate(n.id);
    if (n.link) {
      setShown(false);
      void navigate(n.link);
    }
  };
  const data = q.data;
  const content = (
    <div style={phone ? undefined : { width: 380, maxHeight: '70vh', overflowY: 'auto' }} data-testid="notification-panel">
      {data && !data.mail.configured && data.mail.queued > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`${data.mail.queued} thư thông báo đang chờ gửi`}
          description="Máy chủ thư (SMTP) chưa được cấu hình: thư được giữ lại và sẽ gửi khi có cấu hình."
        />
      ) : null}
      {data?.items.length ? (
        <List<Notification>
          size="small"
          dataSource={data.items}
          renderItem={(n) => (
            <List.Item style={{ cursor: 'pointer', background: n.readAt ? undefined : '#f0f5ff', paddingInline: 8 }} onClick={() => open(n)}>
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
                description={
                  <>
                    <div style={{ whiteSpace: 'pre-line' }}>{n.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {fmtDateTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có thông báo" />
      )}
      {data?.unread ? (
        <Button type="link" size="small" onClick={() => readAll.mutate()}>
          Đánh dấu đã đọc tất cả
        </Button>
      ) : null}
    </div>
  );
  const bell = (
    <Badge count={data?.unread ?? 0} size="small" offset={[-4, 4]}>
      <Button
        type="text"
        shape="circle"
        icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
        aria-label="Thông báo"
        data-testid="notification-bell"
        onClick={phone ? () => setShown(true) : undefined}
      />
    </Badge>
  );
  if (phone)
    return (
      <>
        {bell}
        <Drawer open={shown} onClose={() => setShown(false)} title="Thông báo" placement="right" styles={{ body: { padding: 12 } }}>
          {content}
        </Drawer>
      </>
    );
  return (
    <Popover content={content} title="Thông báo" trigger="click" placement="bottomRight" open={shown} onOpenChange={setShown}>
      {bell}
    </Popover>
  );
}
