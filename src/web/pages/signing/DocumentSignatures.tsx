/**
 * Ký số of a Tờ trình (on its dossier), a Biên bản (on its session), a Kế hoạch (on its plan) or a
 * Báo cáo thành tích (in its drawer) or a unit's Báo cáo sơ kết, tổng kết (on its report): who the document
 * names as signers and who has signed, the actor's own step (their certificate; the agency's seal
 * once every person has signed, where the document takes one), the number taken at the first signature, the signed
 * PDF and what its verification says.
 */
import { Alert, App, Button, Card, Input, Select, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { downloadSignedDocument, getDocumentSignatures, signDocument, type SignableKind } from '../../api/signing';
import { fmtDateTime } from '../../lib/format';
import { VerificationResult } from '../dossiers/DecisionSignatures';

const FILE_NAMES: Record<SignableKind, string> = {
  to_trinh: 'To-trinh-ky-so.pdf',
  bien_ban_hop_xet: 'Bien-ban-hop-xet-ky-so.pdf',
  bien_ban_kiem_phieu: 'Bien-ban-kiem-phieu-ky-so.pdf',
  ke_hoach: 'Ke-hoach-ky-so.pdf',
  ke_hoach_phong_trao: 'Ke-hoach-phong-trao-ky-so.pdf',
  bao_cao_thanh_tich: 'Bao-cao-thanh-tich-ky-so.pdf',
  bao_cao: 'Bao-cao-ky-so.pdf',
};
const TITLES: Record<SignableKind, string> = {
  to_trinh: 'Ký số Tờ trình',
  bien_ban_hop_xet: 'Ký số Biên bản họp xét',
  bien_ban_kiem_phieu: 'Ký số Biên bản kiểm phiếu',
  ke_hoach: 'Ký số Kế hoạch',
  ke_hoach_phong_trao: 'Ký số Kế hoạch phong trào',
  bao_cao_thanh_tich: 'Ký số Báo cáo thành tích',
  bao_cao: 'Ký số Báo cáo',
};
/** What the agency's seal completes, by document. */
const ISSUED: Record<SignableKind, string> = {
  to_trinh: 'Đã ký số của cơ quan. Tờ trình đã ký được đưa vào hồ sơ.',
  bien_ban_hop_xet: 'Đã ký số của cơ quan.',
  bien_ban_kiem_phieu: 'Đã ký số của cơ quan.',
  ke_hoach: 'Đã ký số của cơ quan: Kế hoạch đã ký số, đóng dấu.',
  ke_hoach_phong_trao: 'Đã ký số của cơ quan: Kế hoạch phong trào đã ký số, đóng dấu.',
  bao_cao_thanh_tich: 'Đã ký số của cơ quan. Báo cáo thành tích đã ký thay bản chưa ký trong hồ sơ.',
  bao_cao: 'Đã ký số của cơ quan: Báo cáo đã ký số, đóng dấu. Hãy gửi báo cáo.',
};

export function DocumentSignatures({
  kind,
  id,
  revision,
  onSigned,
}: {
  kind: SignableKind;
  id: string;
  /** The record's version: the panel reloads when the record changes (the secretary records the minutes). */
  revision?: number;
  onSigned?: () => void;
}) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const key = [...keys.documentSignatures(kind, id), revision ?? 0];
  const q = useQuery({ queryKey: key, queryFn: () => getDocumentSignatures(kind, id) });
  const [credentialId, setCredentialId] = useState<string | undefined>();
  const [so, setSo] = useState('');
  const panel = q.data;
  const step = panel?.abilities.sign ? 'sign' : panel?.abilities.seal ? 'seal' : null;
  useEffect(() => {
    setCredentialId(panel && panel.credentials.length === 1 ? panel.credentials[0]!.id : undefined);
  }, [panel]);
  const sign = useMutation({
    mutationFn: () => signDocument(kind, id, { step: step!, credentialId: credentialId!, ...(so.trim() && panel?.numberEditable ? { so: so.trim() } : {}) }),
    onSuccess: (next) => {
      qc.setQueryData(key, next);
      message.success(
        next.state === 'issued'
          ? ISSUED[kind]
          : next.state === 'signed'
            ? 'Đã ký số: đủ chữ ký của những người ký.'
            : 'Đã ký số. Văn bản chờ người ký còn lại.',
      );
      onSigned?.();
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (q.isError) return <Alert type="error" showIcon title={errorText(q.error)} />;
  if (!panel) return null;
  const waitingForMe = panel.slots.some((s) => s.mine && !s.signedAt) && panel.closedReason === null;
  return (
    <Card size="small" title={TITLES[kind]} style={{ marginBottom: 16 }} data-testid={`signatures-${kind}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <div>
          <Tag
            color={panel.state === 'issued' || panel.state === 'signed' ? 'green' : panel.state === 'partial' ? 'blue' : 'default'}
            data-testid="document-sign-state"
          >
            {panel.stateLabel}
          </Tag>
          {panel.abilities.download ? (
            <Button
              size="small"
              icon={<SafetyCertificateOutlined />}
              onClick={() => void downloadSignedDocument(kind, id, FILE_NAMES[kind])}
              data-testid="document-signed-download"
            >
              Tải bản đã ký số (PDF)
            </Button>
          ) : null}
        </div>
        {panel.closedReason && panel.state !== 'signed' && panel.state !== 'issued' ? <Alert type="info" showIcon title={panel.closedReason} /> : null}
        {panel.slots.map((s) => (
          <Typography.Text key={s.key}>
            {s.signedAt ? <CheckCircleOutlined style={{ color: '#389e0d' }} /> : <ClockCircleOutlined />} {s.label}: <b>{s.name}</b>
            {s.signedAt ? ` — đã ký số ${fmtDateTime(s.signedAt)}` : s.mine ? ' — chờ bạn ký' : ' — chưa ký'}
          </Typography.Text>
        ))}
        {panel.seal.required ? (
          <Typography.Text>
            {panel.seal.signedAt ? <CheckCircleOutlined style={{ color: '#389e0d' }} /> : <ClockCircleOutlined />} Chữ ký số của cơ quan (con dấu)
            {panel.seal.signedAt ? ` — ${panel.seal.organisation ?? ''}, ${fmtDateTime(panel.seal.signedAt)}` : ' — sau khi người ký đã ký'}
          </Typography.Text>
        ) : null}
        {waitingForMe ? <Alert type="warning" showIcon title="Văn bản đang chờ chữ ký số của bạn." data-testid="document-waiting-for-me" /> : null}
        {step ? (
          panel.credentials.length === 0 ? (
            <Alert
              type="warning"
              showIcon
              title={step === 'sign' ? 'Bạn chưa có chứng thư số cá nhân lưu trên máy chủ.' : 'Cơ quan chưa có chứng thư số (con dấu) lưu trên máy chủ.'}
              description="Quản trị hệ thống thêm chứng thư số ở trang Ký số."
            />
          ) : (
            <Space wrap style={{ width: '100%' }}>
              {panel.numberEditable ? (
                <Input
                  style={{ width: 160 }}
                  placeholder="Số (lấy ở sổ)"
                  maxLength={20}
                  value={so}
                  onChange={(e) => setSo(e.target.value)}
                  aria-label="Số văn bản"
                  data-testid="document-sign-number"
                />
              ) : null}
              <Select
                style={{ width: 360, maxWidth: '100%' }}
                placeholder="Chọn chứng thư số"
                value={credentialId}
                onChange={setCredentialId}
                data-testid="document-sign-credential"
                options={panel.credentials.map((c) => ({ value: c.id, label: `${c.label} (${c.commonName})` }))}
              />
              <Button type="primary" loading={sign.isPending} disabled={!credentialId} onClick={() => sign.mutate()} data-testid="document-sign">
                {step === 'sign' ? 'Ký số' : 'Ký số của cơ quan'}
              </Button>
            </Space>
          )
        ) : null}
        {panel.verification ? <VerificationResult v={panel.verification} /> : null}
      </Space>
    </Card>
  );
}
