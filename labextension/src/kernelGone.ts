/**
 * A course notebook whose kernel has gone pauses its exercises until the learner
 * comes back to it.
 *
 * On a class hub, kernels idle for a while are shut down to free memory (see
 * bmc_course/app/hub/hub_settings.py); a learner may also shut one down. The
 * widgets on the page then still look alive, but nothing typed into them reaches
 * a kernel, so nothing is saved. Here the outputs are dimmed and cannot be used,
 * the toolbar says why and that the answers are safe, and the learner's first
 * click or key press in the notebook starts a new kernel instead of reaching a
 * dead widget; the notebook then runs itself again (./autorun.ts) and shows the
 * saved answers. Nothing restarts on its own: a notebook the learner has left
 * keeps its memory free.
 */
import { ISessionContext } from '@jupyterlab/apputils';
import { NotebookPanel } from '@jupyterlab/notebook';
import { IDisposable } from '@lumino/disposable';

import { StatusLabel } from './statusLabel';

export const GONE_CLASS = 'bmc-kernel-gone';
export const PAUSED_TEXT =
  'Paused: your answers are saved. Click in the notebook to carry on.';
export const RESUMING_TEXT = 'Starting again…';
export const RESUME_FAILED_TEXT =
  'Could not start again: choose Kernel ▸ Restart Kernel and Run All Cells.';

export class KernelGone implements IDisposable {
  constructor(panel: NotebookPanel, status: StatusLabel) {
    this._panel = panel;
    this._status = status;
    const session = panel.sessionContext;
    session.kernelChanged.connect(this._check, this);
    session.statusChanged.connect(this._check, this);
    session.connectionStatusChanged.connect(this._check, this);
    panel.content.node.addEventListener('pointerdown', this._onIntent, true);
    panel.content.node.addEventListener('keydown', this._onIntent, true);
    this._check();
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    const session = this._panel.sessionContext;
    session.kernelChanged.disconnect(this._check, this);
    session.statusChanged.disconnect(this._check, this);
    session.connectionStatusChanged.disconnect(this._check, this);
    this._panel.content.node.removeEventListener('pointerdown', this._onIntent, true);
    this._panel.content.node.removeEventListener('keydown', this._onIntent, true);
  }

  private _check(): void {
    const session = this._panel.sessionContext;
    const kernel = session.session?.kernel;
    if (kernel && kernel.status !== 'dead') {
      this._hadKernel = true;
      this._show(false);
    } else if (this._hadKernel && kernelGone(session) && !this._resuming) {
      this._show(true);
    }
  }

  private _show(gone: boolean): void {
    if (gone === this._gone) {
      return;
    }
    this._gone = gone;
    this._panel.toggleClass(GONE_CLASS, gone);
    this._status.say(gone ? PAUSED_TEXT : '', gone);
  }

  /** The learner is back: start a kernel instead of letting the event reach a dead widget. */
  private readonly _onIntent = (event: Event): void => {
    if (!this._gone || this._isDisposed) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (this._resuming) {
      return;
    }
    this._resuming = true;
    this._status.say(RESUMING_TEXT);
    const session = this._panel.sessionContext;
    const name = session.kernelPreference.name || session.session?.kernel?.name || 'python3';
    session
      .changeKernel({ name })
      .then(() => {
        this._resuming = false;
        this._check();
      })
      .catch(reason => {
        console.warn('bmc-course: could not start a new kernel', reason);
        this._resuming = false;
        this._status.say(RESUME_FAILED_TEXT, true);
      });
  };

  private _panel: NotebookPanel;
  private _status: StatusLabel;
  private _hadKernel = false;
  private _gone = false;
  private _resuming = false;
  private _isDisposed = false;
}

/** Whether the session's kernel has gone (shut down or dead), as opposed to still starting. */
export function kernelGone(session: ISessionContext): boolean {
  if (session.isDisposed || !session.isReady || session.isRestarting || session.isTerminating) {
    return false;
  }
  const kernel = session.session?.kernel;
  return !kernel ? session.kernelDisplayStatus === 'unknown' : kernel.status === 'dead';
}
