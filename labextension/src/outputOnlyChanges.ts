/**
 * No false "unsaved changes": a course notebook whose only changes since it
 * was last in step with its file are the results of running it (outputs,
 * execution counts, the kernel's language info) is kept clean.
 *
 * Why this is sound for the course: its notebooks are stored without outputs,
 * and every answer a learner gives through the widgets is saved by the kernel
 * in the progress file at once. Outputs are rebuilt on every open (autorun),
 * so there is nothing in them to lose. JupyterLab marks a notebook dirty on
 * any output, which makes the browser ask "Leave site?" on reload and makes
 * autosave write outputs into the learner's copy.
 *
 * Anything a learner changes by hand — a cell's source, cells added, removed
 * or moved, attachments, notebook or cell metadata other than the run-time
 * keys below — keeps the notebook dirty until saved, as JupyterLab has it.
 */
import { INotebookModel } from '@jupyterlab/notebook';
import type { CellChange, ISharedCell, NotebookChange } from '@jupyter/ydoc';
import type { IDisposable } from '@lumino/disposable';
import type { IChangedArgs } from '@jupyterlab/coreutils';

/** Notebook metadata that running a notebook writes (the kernel's name and language). */
export const RUN_TIME_NOTEBOOK_METADATA = new Set(['kernelspec', 'language_info', 'widgets']);

/** Cell metadata that running a cell, or folding its output, writes. */
export const RUN_TIME_CELL_METADATA = new Set([
  'execution',
  'trusted',
  'collapsed',
  'scrolled',
  'jupyter'
]);

export class OutputOnlyChanges implements IDisposable {
  constructor(model: INotebookModel) {
    this._model = model;
    // Whatever made the model dirty before we watched counts as the learner's.
    this._edited = model.dirty;
    model.stateChanged.connect(this._onStateChanged, this);
    model.sharedModel.changed.connect(this._onNotebookChanged, this);
    this._watchCells();
  }

  /** Whether the learner changed the notebook since it was last in step with its file. */
  get learnerEdited(): boolean {
    return this._edited;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    window.clearTimeout(this._pending);
    this._model.stateChanged.disconnect(this._onStateChanged, this);
    this._model.sharedModel.changed.disconnect(this._onNotebookChanged, this);
    for (const cell of this._cells) {
      cell.changed.disconnect(this._onCellChanged, this);
    }
    this._cells.clear();
  }

  private _onStateChanged(_: INotebookModel, change: IChangedArgs<unknown>): void {
    if (change.name !== 'dirty') {
      return;
    }
    if (change.newValue === false) {
      this._edited = false; // saved or reverted: in step with the file again
      return;
    }
    // Decide after the change's other events (a source edit and the dirty flag
    // can come from one transaction, in either order) have all arrived.
    window.clearTimeout(this._pending);
    this._pending = window.setTimeout(() => this._cleanIfOnlyOutputs(), 0);
  }

  private _cleanIfOnlyOutputs(): void {
    if (!this._isDisposed && this._model.dirty && !this._edited) {
      this._model.dirty = false;
    }
  }

  private _onNotebookChanged(_: unknown, change: NotebookChange): void {
    if (change.cellsChange) {
      this._edited = true;
      this._watchCells();
    }
    if (change.metadataChange && hasOtherKeys(change.metadataChange, RUN_TIME_NOTEBOOK_METADATA)) {
      this._edited = true;
    }
  }

  private _onCellChanged(_: ISharedCell, change: CellChange): void {
    if (change.sourceChange || change.attachmentsChange) {
      this._edited = true;
    }
    if (change.metadataChange && hasOtherKeys(change.metadataChange, RUN_TIME_CELL_METADATA)) {
      this._edited = true;
    }
  }

  private _watchCells(): void {
    const current = new Set<ISharedCell>(this._model.sharedModel.cells);
    for (const cell of this._cells) {
      if (!current.has(cell)) {
        cell.changed.disconnect(this._onCellChanged, this);
        this._cells.delete(cell);
      }
    }
    for (const cell of current) {
      if (!this._cells.has(cell)) {
        cell.changed.connect(this._onCellChanged, this);
        this._cells.add(cell);
      }
    }
  }

  private _model: INotebookModel;
  private _cells = new Set<ISharedCell>();
  private _edited: boolean;
  private _pending = 0;
  private _isDisposed = false;
}

function hasOtherKeys(changes: Map<string, unknown>, allowed: Set<string>): boolean {
  for (const key of changes.keys()) {
    if (!allowed.has(key)) {
      return true;
    }
  }
  return false;
}
