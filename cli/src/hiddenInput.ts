// Reads one line from a terminal without echoing it (raw mode): Enter ends it, Backspace deletes, Ctrl+C cancels.

/** The parts of a TTY read stream this needs (process.stdin, or a fake in tests). */
export interface SecretInput {
  readonly isTTY?: boolean;
  setRawMode(mode: boolean): unknown;
  on(event: "data", listener: (chunk: Buffer | string) => void): unknown;
  off(event: "data", listener: (chunk: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

const ENTER = new Set(["\r", "\n"]);
const CTRL_C = "\u0003";
const CTRL_D = "\u0004";
const BACKSPACE = new Set(["\u007f", "\b"]);

/**
 * Writes `prompt`, reads characters until Enter without showing them, then writes a line break. Resolves with the
 * text, or undefined on Ctrl+C. `input` must be a terminal (check `isTTY` first).
 */
export function readHiddenLine(
  prompt: string,
  input: SecretInput,
  write: (text: string) => void,
): Promise<string | undefined> {
  write(prompt);
  input.setRawMode(true);
  input.resume();
  let chars: string[] = [];
  return new Promise((resolve) => {
    const finish = (value: string | undefined): void => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      write("\n");
      chars = [];
      resolve(value);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of typeof chunk === "string" ? chunk : chunk.toString("utf8")) {
        if (ENTER.has(ch) || ch === CTRL_D) return finish(chars.join(""));
        if (ch === CTRL_C) return finish(undefined);
        if (BACKSPACE.has(ch)) chars.pop();
        else chars.push(ch);
      }
    };
    input.on("data", onData);
  });
}
