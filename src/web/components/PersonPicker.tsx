/** Searches staff through the API (diacritic-insensitive on the server) and picks one. */
import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listPeople } from '../api/people';
import { useDebounced } from '../lib/hooks';
import { keys } from '../api/keys';

interface Props {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  /** Shown for the current value before any search (editing). */
  initialLabel?: string;
  'data-testid'?: string;
}

export function PersonPicker({ value, onChange, placeholder = 'Gõ tên cán bộ để tìm (có dấu hoặc không dấu)', initialLabel, ...rest }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const people = useQuery({
    queryKey: keys.people.picker(q),
    queryFn: () => listPeople({ q: q || undefined, active: true, pageSize: 20 }),
  });
  const options = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.fullName}${p.position ? ` – ${p.position}` : ''}${p.unitName ? ` (${p.unitName})` : ''}`,
  }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      placeholder={placeholder}
      allowClear
      notFoundContent={people.isFetching ? <Spin size="small" /> : people.isError ? 'Không tải được danh sách cán bộ' : 'Không tìm thấy cán bộ phù hợp'}
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}
