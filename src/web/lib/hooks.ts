import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listUnits } from '../api/units';

/** The value after it stopped changing for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms = 350): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export const unitsKey = (includeInactive: boolean) => ['units', { includeInactive }] as const;

/** The unit tree visible to the user. */
export function useUnits(includeInactive = false) {
  return useQuery({ queryKey: unitsKey(includeInactive), queryFn: () => listUnits(includeInactive) });
}
