import type { ThemeName } from './chart-theme';
import { contentSpecs, type ChartContent } from './chart-content';
import { ChartController } from './chart-controller';

/** The window's chart as React reads it: the controller and what it draws. */
export interface ChartSnapshot {
  /** Null until a container is mounted. */
  readonly controller: ChartController | null;
  /** What the chart draws; null until a content is drawn. */
  readonly content: ChartContent | null;
}

/**
 * Holds the window's one chart controller between mount and unmount, and publishes each
 * content only after it is drawn (`setSeries` first), so whatever reacts to a new content
 * (annotations, view memory) finds it on the chart. An external store for
 * `useSyncExternalStore`: React subscribes to it, it never lives in React state.
 */
export class ChartStore {
  private snap: ChartSnapshot = { controller: null, content: null };
  private readonly listeners = new Set<() => void>();
  /** True inside `draw`: the chart shows neither the old content nor yet the new one. */
  private drawing = false;

  constructor(private theme: ThemeName) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): ChartSnapshot => this.snap;

  /**
   * The content on the chart at the time of the call; null while a new one is being drawn
   * (viewport events fired by `setSeries` belong to neither).
   */
  readonly currentContent = (): ChartContent | null => (this.drawing ? null : this.snap.content);

  /** Creates the chart in `container` (replacing any previous one). */
  mount(container: HTMLElement): void {
    this.snap.controller?.dispose();
    this.publish({ controller: new ChartController(container, this.theme), content: null });
  }

  /** Removes the chart. */
  unmount(): void {
    this.snap.controller?.dispose();
    this.publish({ controller: null, content: null });
  }

  setTheme(theme: ThemeName): void {
    this.theme = theme;
    this.snap.controller?.setTheme(theme);
  }

  /** Draws a content (null clears the chart), then publishes it. No-op before mount. */
  draw(content: ChartContent | null): void {
    const controller = this.snap.controller;
    if (!controller || content === this.snap.content) return;
    this.drawing = true;
    try {
      controller.setSeries(content ? contentSpecs(content) : []);
    } finally {
      this.drawing = false;
    }
    this.publish({ controller, content });
  }

  private publish(next: ChartSnapshot): void {
    this.snap = next;
    for (const l of this.listeners) l();
  }
}
