/** Loading, empty and error states shared by every page. */
import { Alert, Button, Empty, Skeleton, Spin } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { errorText } from '../api/client';

export function LoadingBlock({ rows = 6 }: { rows?: number }) {
  return <Skeleton active paragraph={{ rows }} />;
}

export function FullPageSpin({ tip = 'Đang tải…' }: { tip?: string }) {
  return (
    <div style={{ minHeight: '60vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" description={tip} />
    </div>
  );
}

/** The server's message with a "Thử lại" button. */
export function ErrorAlert({ error, onRetry, title = 'Không tải được dữ liệu' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={errorText(error)}
      data-testid="error-alert"
      action={
        onRetry ? (
          <Button size="small" icon={<ReloadOutlined />} onClick={onRetry}>
            Thử lại
          </Button>
        ) : undefined
      }
    />
  );
}

export function EmptyBlock({ text, children }: { text: ReactNode; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text}>
      {children}
    </Empty>
  );
}
