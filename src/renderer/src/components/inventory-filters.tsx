import { useId, useMemo, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { TokenStatusSchema, type TokenStatus } from '../../../shared/model';
import {
  projectChoices,
  serviceChoices,
  sortLabels,
  statusLabels,
  type TokenSort,
} from '../lib/token-filters';
import { useStore } from '../store';

const sorts = Object.keys(sortLabels) as TokenSort[];
const statuses = TokenStatusSchema.options;

interface LabelledSelectProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}

function LabelledSelect({ label, value, onChange, children }: LabelledSelectProps): ReactNode {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

/** Service, project and status filters and the sort order; the account is the sidebar's. */
export function InventoryFilters(): ReactNode {
  const filters = useStore((s) => s.filters);
  const setFilters = useStore((s) => s.setFilters);
  const sortBy = useStore((s) => s.sortBy);
  const setSortBy = useStore((s) => s.setSortBy);
  const accounts = useStore((s) => s.accounts);
  const providers = useStore((s) => s.providers);
  const services = useMemo(
    () => serviceChoices(accounts, providers, filters.service),
    [accounts, providers, filters.service],
  );
  const projects = useStore(useShallow((s) => projectChoices(s.inventory, s.filters.project)));

  return (
    <div className="filters" role="group" aria-label="Filters">
      <LabelledSelect
        label="Service"
        value={filters.service ?? ''}
        onChange={(value) => {
          const choice = services.find((c) => c.value === value);
          setFilters({ service: choice === undefined ? null : choice.value });
        }}
      >
        <option value="">All services</option>
        {services.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </LabelledSelect>
      <LabelledSelect
        label="Project"
        value={filters.project ?? ''}
        onChange={(value) => setFilters({ project: value === '' ? null : value })}
      >
        <option value="">All projects</option>
        {projects.map((project) => (
          <option key={project} value={project}>
            {project}
          </option>
        ))}
      </LabelledSelect>
      <LabelledSelect
        label="Status"
        value={filters.status ?? ''}
        onChange={(value) => {
          const status = statuses.find((s): s is TokenStatus => s === value);
          setFilters({ status: status ?? null });
        }}
      >
        <option value="">All statuses</option>
        {statuses.map((status) => (
          <option key={status} value={status}>
            {statusLabels[status]}
          </option>
        ))}
      </LabelledSelect>
      <LabelledSelect
        label="Sort by"
        value={sortBy}
        onChange={(value) => {
          const sort = sorts.find((s) => s === value);
          if (sort !== undefined) setSortBy(sort);
        }}
      >
        {sorts.map((sort) => (
          <option key={sort} value={sort}>
            {sortLabels[sort]}
          </option>
        ))}
      </LabelledSelect>
    </div>
  );
}
