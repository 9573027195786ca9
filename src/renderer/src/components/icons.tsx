/** The app's icons: small inline SVGs drawn with the current text colour, hidden from assistive tech. */
import type { ReactNode } from 'react';

function Icon({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const LogsIcon = () => (
  <Icon>
    <path d="M3 3.5h10M3 6.5h10M3 9.5h7M3 12.5h5" />
  </Icon>
);

export const InsightsIcon = () => (
  <Icon>
    <circle cx="7" cy="7" r="4" />
    <path d="M10 10l3.5 3.5M5.5 7h3M7 5.5v3" />
  </Icon>
);

export const MetricsIcon = () => (
  <Icon>
    <path d="M2.5 13.5h11M3.5 11l3-4 2.5 2 3.5-5" />
  </Icon>
);

export const AlarmsIcon = () => (
  <Icon>
    <path d="M8 2.5a4 4 0 0 1 4 4v3l1.2 2H2.8L4 9.5v-3a4 4 0 0 1 4-4zM6.5 13.5a1.5 1.5 0 0 0 3 0" />
  </Icon>
);

export const TrailIcon = () => (
  <Icon>
    <circle cx="3.5" cy="12.5" r="1.5" />
    <circle cx="12.5" cy="3.5" r="1.5" />
    <path d="M5 12.5h3.5a2 2 0 0 0 0-4h-1a2 2 0 0 1 0-4H11" />
  </Icon>
);

export const ExportsIcon = () => (
  <Icon>
    <path d="M8 2.5v7M5 6.5l3 3 3-3M3 11v2.5h10V11" />
  </Icon>
);

export const SearchIcon = () => (
  <Icon size={14}>
    <circle cx="7" cy="7" r="4.25" />
    <path d="M10.25 10.25L13.5 13.5" />
  </Icon>
);

export const RefreshIcon = () => (
  <Icon size={14}>
    <path d="M13 8a5 5 0 1 1-1.5-3.55M13 2.5v3h-3" />
  </Icon>
);

export const StopIcon = () => (
  <Icon size={14}>
    <rect x="4" y="4" width="8" height="8" rx="1" />
  </Icon>
);

export const ChevronDownIcon = () => (
  <Icon size={12}>
    <path d="M4 6l4 4 4-4" />
  </Icon>
);

export const ChevronRightIcon = () => (
  <Icon size={12}>
    <path d="M6 4l4 4-4 4" />
  </Icon>
);

export const ArrowUpIcon = () => (
  <Icon size={12}>
    <path d="M8 13V3M4 7l4-4 4 4" />
  </Icon>
);

export const ArrowDownIcon = () => (
  <Icon size={12}>
    <path d="M8 3v10M4 9l4 4 4-4" />
  </Icon>
);

export const CopyIcon = () => (
  <Icon size={14}>
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
    <path d="M10.5 3.5v-.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h.5" />
  </Icon>
);

export const CheckIcon = () => (
  <Icon size={14}>
    <path d="M3 8.5l3 3 7-7" />
  </Icon>
);

export const LockIcon = () => (
  <Icon size={13}>
    <rect x="3.5" y="7" width="9" height="6.5" rx="1.25" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
  </Icon>
);

export const CloudIcon = () => (
  <Icon>
    <path d="M4.5 12.5a3 3 0 0 1-.3-6 4 4 0 0 1 7.7 1 2.5 2.5 0 0 1 .1 5z" />
  </Icon>
);

export const AlertIcon = () => (
  <Icon size={20}>
    <path d="M8 2l6.5 11.5h-13zM8 6.5v3M8 11.75v.01" />
  </Icon>
);

export const EmptyIcon = () => (
  <Icon size={20}>
    <path d="M2.5 9.5l2-6h7l2 6M2.5 9.5v4h11v-4M2.5 9.5h3.5l.5 1.5h3l.5-1.5h3.5" />
  </Icon>
);

export const BackIcon = () => (
  <Icon size={14}>
    <path d="M10 3.5L5.5 8l4.5 4.5" />
  </Icon>
);

export const CloseIcon = () => (
  <Icon size={14}>
    <path d="M4 4l8 8M12 4l-8 8" />
  </Icon>
);

export const WarningIcon = () => (
  <Icon size={14}>
    <path d="M8 2.25l6 10.75H2zM8 6.5v2.75M8 11.1v.01" />
  </Icon>
);

export const PlusIcon = () => (
  <Icon size={14}>
    <path d="M8 3v10M3 8h10" />
  </Icon>
);

export const ExternalLinkIcon = () => (
  <Icon size={12}>
    <path d="M9 2.5h4.5V7M13.5 2.5L7.5 8.5M11.5 9.5v3a1 1 0 0 1-1 1h-7a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h3" />
  </Icon>
);

export const SettingsIcon = () => (
  <Icon size={14}>
    <path d="M2.5 4.5h6M11.5 4.5h2M2.5 11.5h2M7.5 11.5h6" />
    <circle cx="10" cy="4.5" r="1.5" />
    <circle cx="6" cy="11.5" r="1.5" />
  </Icon>
);

/** Filled when `filled`: a favourite. */
export const StarIcon = ({ filled = false }: { filled?: boolean }) => (
  <Icon size={14}>
    <path d="M8 2.2l1.8 3.7 4 .6-2.9 2.8.7 4L8 11.4l-3.6 1.9.7-4L2.2 6.5l4-.6z" fill={filled ? 'currentColor' : 'none'} />
  </Icon>
);

export const TrashIcon = () => (
  <Icon size={14}>
    <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.5 8.5h6l.5-8.5M7 7v4M9 7v4" />
  </Icon>
);
