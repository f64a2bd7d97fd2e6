import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listUnits } from '../api/units';
import { keys } from '../api/keys';

/** The value after it stopped changing for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms = 350): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** The unit tree visible to the user. */
export function useUnits(includeInactive = false) {
  return useQuery({ queryKey: keys.units.list(includeInactive), queryFn: () => listUnits(includeInactive) });
}
