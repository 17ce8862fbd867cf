/**
 * A course notebook runs itself: once its kernel is ready, every code cell is
 * run, as Run ▸ Run All Cells would, but without moving the learner's place in
 * the notebook and without any dialog.
 *
 * "Ready" is stricter than the kernel indicator's "idle" (which shows before
 * the kernel accepts work, and a Run All then is silently dropped): the
 * session is ready, the kernel connected and idle, its kernel_info answered,
 * and JupyterLab no longer considers it initializing. If a run is dropped all
 * the same (its first cell never executed), it is tried again; if it never
 * starts, the toolbar says so and points to Run All, never silence.
 *
 * It runs again after a restart or a change of kernel (the widgets of the old
 * kernel are gone), unless the learner has run cells on the new kernel already
 * (e.g. Kernel ▸ Restart Kernel and Run All Cells).
 */
import { ISessionContext } from '@jupyterlab/apputils';
import { Cell } from '@jupyterlab/cells';
import { Notebook, NotebookActions, NotebookPanel } from '@jupyterlab/notebook';
import type { Kernel } from '@jupyterlab/services';
import type { IDisposable } from '@lumino/disposable';

import { StatusLabel } from './statusLabel';

/** How long to wait for a kernel to become ready before saying so. */
export const READY_TIMEOUT_MS = 180_000;
/** Longest wait between two looks at the kernel (signals usually come sooner). */
const POLL_MS = 250;
/** Runs tried before telling the learner to use Run All. */
const ATTEMPTS = 5;

export const STARTING_TEXT = 'Starting the exercises…';
export const FAILED_TEXT =
  'The exercises did not start by themselves: choose Run ▸ Run All Cells.';

export class Autorun implements IDisposable {
  constructor(panel: NotebookPanel, status: StatusLabel) {
    this._panel = panel;
    this._status = status;
    const session = panel.sessionContext;
    session.kernelChanged.connect(this._onNewKernel, this);
    session.statusChanged.connect(this._onStatus, this);
    NotebookActions.executionScheduled.connect(this._onScheduled, this);
    NotebookActions.executed.connect(this._onExecuted, this);
    void this._runWhenReady(this._generation);
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._generation += 1; // any waiting run gives up
    const session = this._panel.sessionContext;
    session.kernelChanged.disconnect(this._onNewKernel, this);
    session.statusChanged.disconnect(this._onStatus, this);
    NotebookActions.executionScheduled.disconnect(this._onScheduled, this);
    NotebookActions.executed.disconnect(this._onExecuted, this);
  }

  private _onNewKernel(): void {
    this._restartRun();
  }

  private _onStatus(_: ISessionContext, status: Kernel.Status): void {
    if (status === 'restarting' || status === 'autorestarting') {
      this._restartRun();
    }
  }

  /** A new kernel (or a restarted one) has none of the widgets: run again once it is ready. */
  private _restartRun(): void {
    if (this._isDisposed) {
      return;
    }
    this._generation += 1;
    void this._runWhenReady(this._generation);
  }

  private _onScheduled(_: unknown, args: { notebook: Notebook; cell: Cell }): void {
    if (args.notebook === this._panel.content && !this._running) {
      this._learnerRan = this._generation; // the learner is running cells on this kernel
    }
  }

  private _onExecuted(_: unknown, args: { notebook: Notebook; cell: Cell }): void {
    if (args.notebook === this._panel.content && this._running) {
      this._executed.add(args.cell);
    }
  }

  private async _runWhenReady(generation: number): Promise<void> {
    const current = (): boolean => !this._isDisposed && generation === this._generation;
    this._status.say(STARTING_TEXT);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const ready = await kernelReady(this._panel.sessionContext, READY_TIMEOUT_MS, current);
      if (!current()) {
        return; // a newer kernel took over, or the notebook closed
      }
      if (ready === 'no kernel') {
        this._status.say(''); // shut down, or "No Kernel" chosen: a new kernel will call again
        return;
      }
      if (ready === 'timeout') {
        break;
      }
      if (this._learnerRan === generation) {
        this._status.say('');
        return; // the learner ran it already
      }
      if (await this._runAll()) {
        if (current()) {
          this._status.say('');
        }
        return;
      }
      await sleep(500 * attempt);
      if (!current()) {
        return;
      }
    }
    this._status.say(FAILED_TEXT, true);
  }

  /** Run every code cell; whether the first one was executed by the kernel. */
  private async _runAll(): Promise<boolean> {
    const notebook = this._panel.content;
    const cells = notebook.widgets.filter(cell => cell.model.type === 'code');
    if (cells.length === 0) {
      return true;
    }
    this._executed.clear();
    this._running = true;
    try {
      // No session dialogs: a kernel missing here is retried, never asked about.
      await NotebookActions.runCells(notebook, cells, this._panel.sessionContext);
    } catch (reason) {
      console.warn('bmc-course: a course cell failed to run', reason);
    } finally {
      this._running = false;
    }
    return this._executed.has(cells[0]);
  }

  private _panel: NotebookPanel;
  private _status: StatusLabel;
  private _generation = 0;
  private _learnerRan = -1;
  private _running = false;
  private _executed = new Set<Cell>();
  private _isDisposed = false;
}

/** Whether the session's kernel takes work now (see the module comment). */
export function kernelTakesWork(session: ISessionContext): boolean {
  const kernel = session.session?.kernel;
  return (
    !!kernel &&
    session.isReady &&
    !session.isTerminating &&
    !session.isRestarting &&
    kernel.connectionStatus === 'connected' &&
    kernel.status === 'idle' &&
    session.kernelDisplayStatus === 'idle'
  );
}

/** Whether the session is settled without a kernel (shut down, or "No Kernel" chosen). */
export function noKernelWanted(session: ISessionContext): boolean {
  return session.isReady && !session.session?.kernel && session.kernelDisplayStatus === 'unknown';
}

/**
 * Wait until the session's kernel takes work and has answered kernel_info.
 * 'no kernel' if the session settles without one; 'timeout' after `timeoutMs`,
 * or as soon as `wanted()` turns false.
 */
async function kernelReady(
  session: ISessionContext,
  timeoutMs: number,
  wanted: () => boolean
): Promise<'ready' | 'no kernel' | 'timeout'> {
  const deadline = Date.now() + timeoutMs;
  await Promise.race([session.ready, sleep(timeoutMs)]);
  while (wanted() && !session.isDisposed && Date.now() < deadline) {
    const kernel = session.session?.kernel;
    if (kernel && kernelTakesWork(session)) {
      const answered = await Promise.race([kernel.info.then(() => true), sleep(5_000).then(() => false)]);
      if (answered && kernelTakesWork(session) && session.session?.kernel === kernel) {
        return 'ready';
      }
    } else if (noKernelWanted(session)) {
      return 'no kernel';
    }
    await nextChange(session, POLL_MS);
  }
  return 'timeout';
}

/** Resolve on the session's next status, connection or kernel change, or after `ms`. */
function nextChange(session: ISessionContext, ms: number): Promise<void> {
  return new Promise(resolve => {
    const done = (): void => {
      window.clearTimeout(timer);
      session.statusChanged.disconnect(done);
      session.connectionStatusChanged.disconnect(done);
      session.kernelChanged.disconnect(done);
      resolve();
    };
    const timer = window.setTimeout(done, ms);
    session.statusChanged.connect(done);
    session.connectionStatusChanged.connect(done);
    session.kernelChanged.connect(done);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => window.setTimeout(resolve, ms));
}
