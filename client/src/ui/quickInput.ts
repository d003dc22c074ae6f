// Small building blocks for multi-step QuickInput flows: a text step and a pick step with a Back button and live validation, and a runner that walks the steps back and forth.
import * as vscode from "vscode";

/** Returned by a step when the user pressed Back. */
export const BACK = Symbol("back");
export type StepResult<T> = T | typeof BACK | undefined;

export interface StepPosition {
  title: string;
  step?: number;
  totalSteps?: number;
  allowBack?: boolean;
}

export interface TextStepOptions extends StepPosition {
  value?: string;
  prompt?: string;
  placeholder?: string;
  password?: boolean;
  /** A message when the value is not acceptable; checked on every keystroke and on Enter. */
  validate?: (value: string) => string | undefined;
}

/** One input box; resolves with the text, BACK, or undefined when dismissed. */
export function askText(options: TextStepOptions): Promise<StepResult<string>> {
  const box = vscode.window.createInputBox();
  box.title = options.title;
  if (options.step !== undefined) box.step = options.step;
  if (options.totalSteps !== undefined) box.totalSteps = options.totalSteps;
  box.value = options.value ?? "";
  box.prompt = options.prompt;
  box.placeholder = options.placeholder;
  box.password = options.password ?? false;
  box.ignoreFocusOut = true;
  if (options.allowBack) box.buttons = [vscode.QuickInputButtons.Back];
  const check = (value: string): string | undefined => options.validate?.(value);
  box.validationMessage = box.value === "" ? undefined : check(box.value);
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: StepResult<string>): void => {
      if (done) return;
      done = true;
      resolve(result);
      box.dispose();
    };
    box.onDidChangeValue((value) => (box.validationMessage = check(value)));
    box.onDidAccept(() => {
      const problem = check(box.value);
      if (problem) box.validationMessage = problem;
      else finish(box.value);
    });
    box.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish(BACK);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

export interface PickStepOptions<T> extends StepPosition {
  items: readonly PickItem<T>[];
  placeholder?: string;
  /** The value whose item starts selected. */
  active?: T;
}

/** One single-choice pick; resolves with the chosen value, BACK, or undefined when dismissed. */
export function askPick<T>(options: PickStepOptions<T>): Promise<StepResult<T>> {
  const pick = vscode.window.createQuickPick<PickItem<T>>();
  pick.title = options.title;
  if (options.step !== undefined) pick.step = options.step;
  if (options.totalSteps !== undefined) pick.totalSteps = options.totalSteps;
  pick.placeholder = options.placeholder;
  pick.items = options.items;
  pick.ignoreFocusOut = true;
  const active = options.items.find((i) => i.value === options.active);
  if (active) pick.activeItems = [active];
  if (options.allowBack) pick.buttons = [vscode.QuickInputButtons.Back];
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: StepResult<T>): void => {
      if (done) return;
      done = true;
      resolve(result);
      pick.dispose();
    };
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (chosen) finish(chosen.value);
    });
    pick.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish(BACK);
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

/** Maps a step's answer into the flow: BACK and cancel pass through, a value is stored and the flow goes on. */
export function takeAnswer<T>(result: StepResult<T>, store: (value: T) => void): boolean | typeof BACK {
  if (result === BACK) return BACK;
  if (result === undefined) return false;
  store(result);
  return true;
}

/** A step of a flow: asks and updates the state; returns false when cancelled, BACK to go back. */
export type FlowStep<S> = (
  state: S,
  position: { step: number; totalSteps: number },
) => Promise<boolean | typeof BACK>;

/** Runs the steps in order with Back support; steps whose `skip` says so are passed over. Resolves false when cancelled. */
export async function runFlow<S>(
  state: S,
  steps: ReadonlyArray<{ run: FlowStep<S>; skip?: (state: S) => boolean }>,
): Promise<boolean> {
  let index = 0;
  const history: number[] = [];
  while (index < steps.length) {
    const current = steps[index];
    if (!current) break;
    if (current.skip?.(state)) {
      index++;
      continue;
    }
    const visible = steps.filter((s) => !s.skip?.(state));
    const position = { step: visible.indexOf(current) + 1, totalSteps: visible.length };
    const result = await current.run(state, position);
    if (result === BACK) {
      const previous = history.pop();
      if (previous === undefined) return false;
      index = previous;
      continue;
    }
    if (!result) return false;
    history.push(index);
    index++;
  }
  return true;
}
