/** Picks a unit from the user's visible tree. */
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useUnits } from '../lib/hooks';
import { toTreeSelectData } from '../lib/units';
import { foldVietnamese } from '../../shared/vietnamese';

interface Props {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Leave this unit and its subtree out (moving a unit). */
  exclude?: string;
  includeInactive?: boolean;
  style?: React.CSSProperties;
  disabled?: boolean;
  'data-testid'?: string;
}

export function UnitTreeSelect({
  value,
  onChange,
  placeholder = 'Chọn đơn vị',
  allowClear,
  exclude,
  includeInactive = false,
  style,
  disabled,
  ...rest
}: Props) {
  const units = useUnits(includeInactive);
  const data = useMemo(() => toTreeSelectData(units.data?.tree ?? [], { exclude, disableInactive: true }), [units.data, exclude]);
  return (
    <TreeSelect
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      treeData={data}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ filterTreeNode: (input, node) => foldVietnamese(typeof node.title === 'string' ? node.title : '').includes(foldVietnamese(input.trim())) }}
      treeDefaultExpandAll
      loading={units.isPending}
      notFoundContent={units.isError ? 'Không tải được danh sách đơn vị' : 'Không có đơn vị phù hợp'}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      disabled={disabled}
      data-testid={rest['data-testid']}
    />
  );
}
