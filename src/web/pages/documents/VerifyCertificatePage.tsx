/** Public page the certificate's QR code opens: no login, no app menu, only what the certificate shows. */
import { Alert, Button, Card, Descriptions, Result, Spin, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { getPublicCertificate, type PublicCertificate } from '../../api/documents';
import { fmtDateTime } from '../../lib/format';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';

export default function VerifyCertificatePage() {
  const { code = '' } = useParams();
  const cert = useQuery({ queryKey: keys.publicCertificate(code), queryFn: () => getPublicCertificate(code), retry: false });
  return (
    <div style={{ minHeight: '100vh', background: '#f3f4f6', padding: '48px 16px' }}>
      <div style={{ maxWidth: 640, margin: '0 auto' }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <div
            style={{
              display: 'inline-flex',
              width: 48,
              height: 48,
              borderRadius: 8,
              background: '#8f1d1d',
              color: '#fadb14',
              fontSize: 28,
              alignItems: 'center',
              justifyContent: 'center',
            }}
          >
            ★
          </div>
          <Typography.Title level={3} style={{ marginTop: 12, marginBottom: 0 }}>
            Xác minh Giấy khen, Bằng khen
          </Typography.Title>
          <Typography.Text type="secondary">Mã xác minh: {code}</Typography.Text>
        </div>
        <Card>
          {cert.isPending ? (
            <div style={{ textAlign: 'center', padding: 32 }}>
              <Spin />
            </div>
          ) : cert.error ? (
            <Result status="warning" title="Không xác minh được" subTitle={errorText(cert.error)} />
          ) : (
            <>
              <Alert
                type={cert.data.revoked ? 'error' : 'success'}
                showIcon
                icon={cert.data.revoked ? <CloseCircleFilled /> : <CheckCircleFilled />}
                title={cert.data.status}
                style={{ marginBottom: 16 }}
                data-testid="verify-status"
              />
              <Descriptions column={1} bordered size="middle">
                <Descriptions.Item label="Họ tên / tập thể">
                  <Typography.Text strong>{cert.data.recipientName}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="Hình thức khen thưởng">{cert.data.honor}</Descriptions.Item>
                <Descriptions.Item label="Quyết định">
                  Số {cert.data.decisionNumber} ngày {cert.data.decisionDateText}
                </Descriptions.Item>
                <Descriptions.Item label="Cơ quan cấp">{cert.data.issuer}</Descriptions.Item>
                <Descriptions.Item label="Số sổ vàng">{cert.data.registerNumber}</Descriptions.Item>
              </Descriptions>
              {cert.data.signature ? <SignedCopy code={code} signature={cert.data.signature} /> : null}
            </>
          )}
        </Card>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16, fontSize: 12 }}>
          Trang này chỉ hiển thị thông tin in trên Giấy khen, Bằng khen để đối chiếu.
        </Typography.Paragraph>
      </div>
    </div>
  );
}

/** The electronic certificate the agency signed, as checked by the server just now. */
function SignedCopy({ code, signature }: { code: string; signature: NonNullable<PublicCertificate['signature']> }) {
  return (
    <div style={{ marginTop: 16 }} data-testid="verify-signature">
      <Alert
        type={signature.valid ? 'success' : 'error'}
        showIcon
        icon={<SafetyCertificateOutlined />}
        title={signature.valid ? 'Bản điện tử có chữ ký số hợp lệ' : 'Chữ ký số của bản điện tử không hợp lệ'}
        description={
          <>
            {signature.signers.map((s) => (
              <div key={`${s.name}-${s.signedAt}`}>
                {s.name}
                {s.organisation && s.organisation !== s.name ? ` (${s.organisation})` : ''}
                {s.signedAt ? ` — ký lúc ${fmtDateTime(s.signedAt)}` : ''}
              </div>
            ))}
            {signature.problems.map((p) => (
              <div key={p}>{p}</div>
            ))}
          </>
        }
      />
      {signature.downloadable ? (
        <Button style={{ marginTop: 8 }} href={`/api/public/certificates/${encodeURIComponent(code)}/signed.pdf`} icon={<SafetyCertificateOutlined />}>
          Tải bản điện tử đã ký số (PDF)
        </Button>
      ) : null}
    </div>
  );
}
