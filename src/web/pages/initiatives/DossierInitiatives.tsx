/**
 * On a dossier: which recognised initiative backs which candidate (use once, legal-rules §10), and
 * the form to offer one. An initiative already backing another candidate or award cannot be chosen;
 * the server refuses it too, with the reason.
 */
import { App, Button, Card, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { listDossierInitiatives, offerDossierInitiative, withdrawDossierInitiative, type DossierInitiatives as Answer } from '../../api/initiatives';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';

type Candidate = Answer['candidates'][number];

function CandidateRow({ dossierId, c, editable }: { dossierId: string; c: Candidate; editable: boolean }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [choice, setChoice] = useState<string | undefined>(undefined);
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: keys.initiatives.dossier(dossierId) });
    await qc.invalidateQueries({ queryKey: keys.initiatives.all });
  };
  const offer = useMutation({
    mutationFn: (initiativeId: string) => offerDossierInitiative(dossierId, { candidateId: c.candidateId, initiativeId }),
    onSuccess: async () => {
      setChoice(undefined);
      message.success('Đã dùng sáng kiến làm căn cứ đề nghị.');
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const drop = useMutation({
    mutationFn: (initiativeId: string) => withdrawDossierInitiative(dossierId, initiativeId),
    onSuccess: async () => {
      message.success('Đã bỏ sáng kiến khỏi căn cứ đề nghị.');
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <List.Item data-testid="dossier-initiative-row">
      <div style={{ width: '100%' }}>
        <strong>{c.displayName}</strong>
        <div>
          {c.backing.length === 0 ? (
            <Typography.Text type="secondary">Chưa có sáng kiến làm căn cứ.</Typography.Text>
          ) : (
            c.backing.map((b) => (
              <Space key={b.initiativeId} wrap style={{ marginRight: 12 }}>
                <Tag color={b.used ? 'green' : 'blue'} data-testid="dossier-initiative-backing">
                  {`${b.title} (${b.scopeLabel}, ${b.year})${b.used ? ' · đã dùng cho khen thưởng' : ''}`}
                </Tag>
                {editable && !b.used ? (
                  <Popconfirm title="Bỏ sáng kiến này khỏi căn cứ đề nghị?" okText="Bỏ" cancelText="Không" onConfirm={() => drop.mutate(b.initiativeId)}>
                    <Button size="small" type="link" danger>
                      Bỏ
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ))
          )}
        </div>
        {editable && c.available.length ? (
          <Space wrap style={{ marginTop: 6 }}>
            <Select
              style={{ minWidth: 320 }}
              placeholder="Chọn sáng kiến đã công nhận"
              value={choice}
              onChange={setChoice}
              data-testid="dossier-initiative-select"
              options={c.available.map((i) => ({
                value: i.initiativeId,
                label: `${i.title} (${i.scopeLabel}, ${i.year})${i.takenBy ? ` · đã dùng cho ${i.takenBy}` : ''}`,
              }))}
            />
            <Button
              size="small"
              disabled={!choice}
              loading={offer.isPending}
              onClick={() => choice && offer.mutate(choice)}
              data-testid="dossier-initiative-offer"
            >
              Dùng làm căn cứ
            </Button>
          </Space>
        ) : null}
      </div>
    </List.Item>
  );
}

export function DossierInitiatives({ dossierId }: { dossierId: string }) {
  const q = useQuery({ queryKey: keys.initiatives.dossier(dossierId), queryFn: () => listDossierInitiatives(dossierId) });
  const rows = (q.data?.candidates ?? []).filter((c) => c.backing.length || c.available.length);
  if (!q.data || rows.length === 0) return null;
  return (
    <Card size="small" title="Sáng kiến làm căn cứ đề nghị" style={{ marginBottom: 16 }} data-testid="dossier-initiatives">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Mỗi sáng kiến chỉ được dùng làm căn cứ cho một danh hiệu hoặc hình thức khen thưởng.
      </Typography.Paragraph>
      <List size="small" dataSource={rows} renderItem={(c) => <CandidateRow dossierId={dossierId} c={c} editable={q.data.editable} />} />
    </Card>
  );
}
