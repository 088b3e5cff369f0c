// Small line icons drawn in currentColor, so they follow the text they sit beside.

const base = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export const ChartIcon = () => (
  <svg {...base} aria-hidden="true">
    <path d="M2.5 13.5h11M4.5 11V7.5M8 11V4M11.5 11V6" />
  </svg>
);

/** A target: practice. */
export const TargetIcon = () => (
  <svg {...base} aria-hidden="true">
    <circle cx="8" cy="8" r="5.8" />
    <circle cx="8" cy="8" r="2.6" />
    <path d="M8 7.9h.01" />
  </svg>
);

export const GearIcon = () => (
  <svg {...base} aria-hidden="true">
    <circle cx="8" cy="8" r="2.2" />
    <path d="M8 1.8v1.6M8 12.6v1.6M1.8 8h1.6M12.6 8h1.6M3.6 3.6l1.1 1.1M11.3 11.3l1.1 1.1M3.6 12.4l1.1-1.1M11.3 4.7l1.1-1.1" />
  </svg>
);

export const ImportIcon = () => (
  <svg {...base} aria-hidden="true">
    <path d="M8 2v8M4.8 7 8 10.2 11.2 7M2.5 11.5v2h11v-2" />
  </svg>
);

export const ExportIcon = () => (
  <svg {...base} aria-hidden="true">
    <path d="M8 10.5V2.5M4.8 5.5 8 2.3l3.2 3.2M2.5 11.5v2h11v-2" />
  </svg>
);

export const PrintIcon = () => (
  <svg {...base} aria-hidden="true">
    <path d="M4.5 6V2.5h7V6M4.5 11.5h-2v-5h11v5h-2M4.5 9.5h7v4h-7z" />
  </svg>
);

export const BackIcon = () => (
  <svg {...base} aria-hidden="true">
    <path d="M9.5 3.5 5 8l4.5 4.5" />
  </svg>
);

/** A paper clip: attach a file. */
export const ClipIcon = () => (
  <svg {...base} aria-hidden="true">
    <path d="M10.8 5.2 6 10a1.3 1.3 0 0 0 1.9 1.9l5-5a2.7 2.7 0 0 0-3.8-3.8l-5 5a4 4 0 0 0 5.7 5.7l4.2-4.2" />
  </svg>
);
