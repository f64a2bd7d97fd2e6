/** Public portal (no sign-in): one notice by its link, shown as replaced or withdrawn once it is, so a link in the press never ends on an error. */
import { Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { getPublicNotice } from '../../api/dossiers';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { keys } from '../../api/keys';
import { NoticeCard, PortalNoticeFrame } from './PublicNoticesPage';

export default function PublicNoticePage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: keys.publicNotice(id), queryFn: () => getPublicNotice(id), enabled: !!id });
  return (
    <PortalNoticeFrame>
      <Typography.Paragraph>
        <Link to="/cong-khai/lay-y-kien">← Các danh sách đang lấy ý kiến</Link>
      </Typography.Paragraph>
      {q.isLoading ? <LoadingBlock /> : null}
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      {q.data ? <NoticeCard n={q.data} /> : null}
    </PortalNoticeFrame>
  );
}
