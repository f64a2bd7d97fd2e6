/** Suggestions from the awards data (TTLĐXS 3 years running, CSTĐCS chains, widely replicated models), each one a click from a proposal. */
import { Button, InputNumber, Select, Space, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { suggestExemplars, type ExemplarSuggestion } from '../../api/exemplars';
import { keys } from '../../api/keys';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { currentYearVn } from '../../lib/today';
import { EXEMPLAR_KIND_LABELS, EXEMPLAR_KINDS } from '../../../shared/codes';
import { codeOf } from '../../lib/codes';
import { ExemplarTabs } from './nav';
import { ProposeModal } from './ExemplarsPage';

export default function SuggestionsPage() {
  const [year, setYear] = useState(currentYearVn() - 1);
  const [minUnits, setMinUnits] = useState(3);
  const [chosen, setChosen] = useState<ExemplarSuggestion | null>(null);
  const filter = { year, minUnits };
  const q = useQuery({ queryKey: keys.exemplars.suggestions(filter), queryFn: () => suggestExemplars(filter) });
  const initial = useMemo(
    () =>
      chosen
        ? {
            kind: codeOf(EXEMPLAR_KINDS, chosen.kind) ?? 'person',
            name: chosen.name,
            personId: chosen.personId ?? undefined,
            subjectUnitId: chosen.subjectUnitId ?? undefined,
            reason: chosen.reason,
          }
        : undefined,
    [chosen],
  );
  const years = Array.from({ length: 6 }, (_, i) => currentYearVn() - i);
  return (
    <>
      <PageHeader title="Gợi ý điển hình" subtitle="Ứng viên rút ra từ dữ liệu khen thưởng, để đơn vị cân nhắc đề xuất" />
      <ExemplarTabs />
      <Space wrap style={{ marginBottom: 12 }}>
        <span>Năm cuối của chuỗi:</span>
        <Select value={year} onChange={setYear} style={{ width: 120 }} options={years.map((y) => ({ value: y, label: `Năm ${y}` }))} />
        <span>Mô hình nhân rộng ở ít nhất</span>
        <InputNumber min={2} max={50} value={minUnits} onChange={(v) => setMinUnits(v ?? 3)} />
        <span>đơn vị</span>
      </Space>
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      <Table<ExemplarSuggestion>
        rowKey={(r) => `${r.kind}-${r.personId ?? r.subjectUnitId ?? r.exemplarId ?? r.name}`}
        data-testid="suggestions-table"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: 'Ứng viên', dataIndex: 'name' },
          { title: 'Loại', dataIndex: 'kind', width: 170, render: (v: string) => EXEMPLAR_KIND_LABELS[codeOf(EXEMPLAR_KINDS, v) ?? 'person'] },
          { title: 'Đơn vị', dataIndex: 'unitName', width: 220 },
          { title: 'Vì sao gợi ý', dataIndex: 'reason' },
          {
            title: '',
            key: 'go',
            width: 170,
            render: (_, r) =>
              r.exemplarId ? (
                <Link to={`/dien-hinh/${r.exemplarId}`}>Xem điển hình</Link>
              ) : (
                <Button size="small" type="primary" onClick={() => setChosen(r)} data-testid="suggestion-propose">
                  Đề xuất làm điển hình
                </Button>
              ),
          },
        ]}
      />
      <ProposeModal open={chosen !== null} onClose={() => setChosen(null)} initial={initial} />
    </>
  );
}
