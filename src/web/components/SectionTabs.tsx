/**
 * Tabs that stay reachable on a phone: at md and wider an ordinary tab bar; below it, where Ant
 * Design would hide the tabs that do not fit behind a hover-only "…" menu, a labelled select of
 * the sections above the content (a touch user sees every section and picks one).
 */
import { Grid, Select, Tabs, type TabsProps } from 'antd';
import { useState } from 'react';

type Item = { key: string; label: string; children: React.ReactNode };

export function SectionTabs({ items, label = 'Mục', ...rest }: { items: Item[]; label?: string } & Omit<TabsProps, 'items' | 'activeKey' | 'onChange'>) {
  const phone = !Grid.useBreakpoint().md;
  const [active, setActive] = useState(items[0]?.key);
  return (
    <Tabs
      {...rest}
      activeKey={active}
      onChange={setActive}
      items={items}
      renderTabBar={
        phone
          ? () => (
              <Select
                value={active}
                onChange={setActive}
                options={items.map((i) => ({ value: i.key, label: i.label }))}
                style={{ width: '100%', marginBottom: 12 }}
                aria-label={label}
                data-testid="section-select"
              />
            )
          : undefined
      }
    />
  );
}
