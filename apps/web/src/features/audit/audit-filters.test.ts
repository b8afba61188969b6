import { IsoDateTime } from '@ims/contracts';
import { describe, expect, it } from 'vitest';
import { apiFiltersFrom, urlFiltersFrom } from './audit-filters';

describe('audit filters', () => {
  it('reads only known, non-empty filters from the URL', () => {
    expect(urlFiltersFrom(new URLSearchParams('action=read&entityType=&bogus=1&page=2'))).toEqual({ action: 'read' });
  });

  it('turns a date range into whole local days as instants the API accepts', () => {
    const filters = apiFiltersFrom({ from: '2026-03-01', to: '2026-03-08', action: 'update' }, 3);
    const from = new Date(filters.from!);
    const to = new Date(filters.to!);

    expect(IsoDateTime.safeParse(filters.from).success).toBe(true);
    expect(IsoDateTime.safeParse(filters.to).success).toBe(true);
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours(), from.getMinutes()]).toEqual([2026, 2, 1, 0, 0]);
    expect([to.getDate(), to.getHours(), to.getMinutes(), to.getSeconds()]).toEqual([8, 23, 59, 59]);
    expect(filters).toMatchObject({ action: 'update', page: 3, pageSize: 50 });
  });

  it('drops dates that are not dates', () => {
    expect(apiFiltersFrom({ from: 'yesterday' }, 1).from).toBeUndefined();
  });
});
