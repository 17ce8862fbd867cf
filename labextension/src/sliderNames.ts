/**
 * Sliders a screen reader can name. ipywidgets 8 draws a slider's handle as a
 * `<div role="slider">` that nothing names: its description is a `<label>`
 * beside it that points at no control, so a screen reader announces a bare
 * "slider" (axe: aria-input-field-name, serious). Each handle of a slider in
 * the course's views is pointed at its description label (aria-labelledby),
 * which also follows a description the kernel changes later.
 *
 * Sliders are drawn again when their options change (a new handle), so the
 * notebook is watched while it is open. The Voilà demo does the same in its
 * template's script (bmc_course/app/voila_templates/.../bmc-demo.js).
 */
import type { IDisposable } from '@lumino/disposable';

const HANDLES = '.bmc-view .widget-slider .noUi-handle';
let labels = 0;

/** Point every slider handle under `root` at its slider's description label. */
export function nameSliders(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>(HANDLES).forEach(handle => {
    const label = handle.closest('.widget-slider')?.querySelector<HTMLElement>(':scope > .widget-label');
    if (!label || !label.textContent?.trim()) {
      return;
    }
    if (!label.id) {
      labels += 1;
      label.id = `bmc-slider-label-${labels}`;
    }
    if (handle.getAttribute('aria-labelledby') !== label.id) {
      handle.setAttribute('aria-labelledby', label.id);
    }
  });
}

/** Names the sliders under `root` now and whenever its content changes (once a frame at most). */
export class SliderNames implements IDisposable {
  private readonly observer: MutationObserver;
  private frame = 0;
  private disposed = false;

  constructor(private readonly root: HTMLElement) {
    this.observer = new MutationObserver(() => this.schedule());
    this.observer.observe(root, { childList: true, subtree: true });
    nameSliders(root);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    this.disposed = true;
    this.observer.disconnect();
    cancelAnimationFrame(this.frame);
  }

  private schedule(): void {
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        nameSliders(this.root);
      });
    }
  }
}
