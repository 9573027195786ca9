import { ChevronRightIcon } from '../../components/icons';

export interface Crumb {
  readonly label: string;
  /** Absent for the current (last) level. */
  readonly onSelect?: () => void;
  readonly mono?: boolean;
}

/** Where you are in the drill-down; earlier levels are buttons that go back to them. */
export function Breadcrumbs({ crumbs }: { crumbs: readonly Crumb[] }) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {crumbs.map((crumb, index) => {
          const current = index === crumbs.length - 1;
          return (
            <li key={index}>
              {index > 0 && <ChevronRightIcon />}
              {current || !crumb.onSelect ? (
                <span className={crumb.mono ? 'crumb crumb-current mono' : 'crumb crumb-current'} aria-current={current ? 'page' : undefined} title={crumb.label}>
                  {crumb.label}
                </span>
              ) : (
                <button type="button" className={crumb.mono ? 'crumb mono' : 'crumb'} onClick={crumb.onSelect} title={crumb.label}>
                  {crumb.label}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
