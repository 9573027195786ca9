/**
 * What a feature gives the app frame to appear as a view: its place in the navigation and the
 * location hash, and what to render. The frame lists the descriptors in app/views.ts.
 */
import type { ReactNode } from 'react';

/** What the frame tells a view. */
export interface ViewProps {
  /** Whether the view is on screen: views stay mounted while hidden, so each keeps its place. */
  readonly active: boolean;
  /** Opens the header's connection and region menu. */
  readonly openScopeMenu: () => void;
  /** How to reach a view from the keyboard, e.g. "Ctrl+1" for "logs", for text that points there. */
  readonly shortcutFor: (viewId: string) => string;
}

export interface ViewDescriptor {
  readonly id: string;
  /** The name in the navigation, and the view's accessible name. */
  readonly title: string;
  readonly icon: ReactNode;
  /** Where the view lives in the location hash, e.g. "/logs" for "#/logs". */
  readonly route: `/${string}`;
  /** The view's content. Called while the frame renders, so it returns elements and calls no hooks. */
  readonly element: (props: ViewProps) => ReactNode;
}

/** The views in navigation order; the first is where the app opens. */
export type ViewList = readonly [ViewDescriptor, ...ViewDescriptor[]];
