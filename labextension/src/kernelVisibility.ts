/**
 * Tells a course notebook's kernel whether the learner can see the notebook.
 *
 * Every course kernel follows what the other notebooks save and redraws its
 * views, charts included (bmc_course/widgets/live_progress.py). A notebook in
 * a tab behind another one, or in a browser tab in the background, need not
 * do that after every click elsewhere: its kernel is told it is hidden, stops
 * following, and catches up at once when the notebook is shown again. Ten open
 * notebooks then cost one kernel's work per click, not ten.
 */
import { ILabShell } from '@jupyterlab/application';
import { ISessionContext } from '@jupyterlab/apputils';
import { NotebookPanel } from '@jupyterlab/notebook';
import { Kernel } from '@jupyterlab/services';
import { IDisposable } from '@lumino/disposable';

import { kernelTakesWork } from './autorun';

/**
 * The kernel-side call: a silent request (no output, no history, no run number).
 * `view` names this page's view of the notebook: two pages showing the same
 * notebook share its kernel, which follows while either is on screen.
 */
export function shownCode(shown: boolean, view: string): string {
  const flag = shown ? 'True' : 'False';
  const module = "__import__('bmc_course.widgets.live_progress', fromlist=['notebook_shown'])";
  return `${module}.notebook_shown(${flag}, view=${JSON.stringify(view)})`;
}


export class KernelVisibility implements IDisposable {
  constructor(panel: NotebookPanel, shell: ILabShell | null) {
    this._panel = panel;
    this._shell = shell;
    shell?.currentChanged.connect(this._schedule, this);
    shell?.layoutModified.connect(this._schedule, this);
    panel.sessionContext.kernelChanged.connect(this._onNewKernel, this);
    panel.sessionContext.statusChanged.connect(this._onStatus, this);
    document.addEventListener('visibilitychange', this._onPage);
    window.addEventListener('pagehide', this._onLeave);
    this._schedule();
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    window.clearTimeout(this._timer);
    this._shell?.currentChanged.disconnect(this._schedule, this);
    this._shell?.layoutModified.disconnect(this._schedule, this);
    this._panel.sessionContext.kernelChanged.disconnect(this._onNewKernel, this);
    this._panel.sessionContext.statusChanged.disconnect(this._onStatus, this);
    document.removeEventListener('visibilitychange', this._onPage);
    window.removeEventListener('pagehide', this._onLeave);
  }

  private readonly _onPage = (): void => this._schedule();

  /**
   * The page is closing (or going into the back/forward cache): say "hidden" now, busy
   * kernel or not. A later timer never runs in a closing page, and a view the kernel
   * still believes shown would keep it following for as long as it runs.
   */
  private readonly _onLeave = (): void => {
    window.clearTimeout(this._timer);
    this._timer = 0;
    const kernel = this._panel.sessionContext.session?.kernel;
    if (this._told !== false && kernel && kernel.connectionStatus === 'connected') {
      this._tell(kernel, false);
    }
  };

  /** A new or restarted kernel has heard nothing from this view: tell it. */
  private _onNewKernel(): void {
    this._told = null;
    this._schedule();
  }

  private _onStatus(_: ISessionContext, status: Kernel.Status): void {
    if (status === 'restarting' || status === 'autorestarting' || status === 'starting') {
      this._told = null;
    }
    this._schedule(); // a busy kernel is told once it is idle again
  }

  /** Look once the shell has finished showing and hiding (its signals come first). */
  private _schedule(): void {
    if (!this._isDisposed && this._timer === 0) {
      this._timer = window.setTimeout(() => {
        this._timer = 0;
        this._update();
      }, 0);
    }
  }

  private _update(): void {
    const session = this._panel.sessionContext;
    const kernel = session.session?.kernel;
    const shown = this._panel.isVisible && document.visibilityState === 'visible';
    if (this._isDisposed || shown === this._told || !kernel || !kernelTakesWork(session)) {
      return;
    }
    this._tell(kernel, shown);
  }

  private _tell(kernel: Kernel.IKernelConnection, shown: boolean): void {
    this._told = shown;
    const future = kernel.requestExecute({
      code: shownCode(shown, this._view),
      silent: true,
      store_history: false,
      allow_stdin: false,
      stop_on_error: false
    });
    // Once the kernel has taken it in, say so on the panel (tests wait for this).
    future.done
      .then(() => {
        if (!this._isDisposed && this._told === shown) {
          this._panel.node.dataset.bmcKernelShown = String(shown);
        }
      })
      .catch(() => undefined); // a kernel gone meanwhile: a new one starts out shown
  }

  private _panel: NotebookPanel;
  private _shell: ILabShell | null;
  // What the kernel was told last: null until told, since the kernel may have heard
  // "hidden" from a page closed earlier (a page's last word as it goes is "hidden").
  private _told: boolean | null = null;
  private readonly _view = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  private _timer = 0;
  private _isDisposed = false;
}
