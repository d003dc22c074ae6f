// Says where and why a JSON text breaks, in words that point at the usual mistakes of JSON built by hand in RouterOS strings (an empty `$var` leaving `"cpu":,`, an unescaped quote, a trailing comma).

/** Where JSON text breaks: zero-based offset, line and column, and what was expected. */
export interface JsonProblem {
  offset: number;
  line: number;
  column: number;
  message: string;
}

const MAX_DEPTH = 1000;

class JsonScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Undefined when `text` is valid JSON; otherwise the first place it breaks. */
export function jsonProblem(text: string): JsonProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    let offset = text.length;
    let message = error instanceof Error ? error.message : String(error);
    try {
      new Scanner(text).document();
    } catch (scan) {
      if (scan instanceof JsonScanError) {
        offset = scan.offset;
        message = scan.message;
      }
    }
    return { offset, ...lineAndColumn(text, offset), message };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart };
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return "the end of the text";
  if (ch === "\n" || ch === "\r") return "a line break";
  return `'${ch}'`;
}

class Scanner {
  private pos = 0;
  constructor(private readonly text: string) {}

  document(): void {
    this.value(0);
    this.spaces();
    if (this.pos < this.text.length) {
      this.fail(`unexpected ${describe(this.text[this.pos])} after the end of the JSON value`);
    }
  }

  private fail(message: string, at = this.pos): never {
    throw new JsonScanError(at, message);
  }

  private spaces(): void {
    while (this.pos < this.text.length && " \t\n\r".includes(this.text[this.pos] ?? "")) this.pos++;
  }

  private value(depth: number): void {
    if (depth > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} levels deep`);
    this.spaces();
    const ch = this.text[this.pos];
    if (ch === "{") return this.object(depth);
    if (ch === "[") return this.array(depth);
    if (ch === '"') return this.string();
    if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return this.number();
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    if (ch === "," || ch === "}" || ch === "]" || ch === undefined) {
      this.fail(`expected a value but found ${describe(ch)} (an empty variable in the script?)`);
    }
    if (ch === "'") this.fail("strings must use double quotes, not single quotes");
    this.fail(`expected a value but found ${describe(ch)} (text values need double quotes)`);
  }

  private object(depth: number): void {
    this.pos++;
    this.spaces();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return;
    }
    for (;;) {
      this.spaces();
      const ch = this.text[this.pos];
      if (ch !== '"') {
        this.fail(
          ch === "}"
            ? "trailing comma before '}'"
            : `expected a property name in double quotes, found ${describe(ch)}`,
        );
      }
      this.string();
      this.spaces();
      if (this.text[this.pos] !== ":")
        this.fail(`expected ':' after the property name, found ${describe(this.text[this.pos])}`);
      this.pos++;
      this.value(depth + 1);
      this.spaces();
      const next = this.text[this.pos];
      if (next === ",") {
        this.pos++;
        continue;
      }
      if (next === "}") {
        this.pos++;
        return;
      }
      this.fail(`expected ',' or '}' after a property value, found ${describe(next)} (an unescaped quote?)`);
    }
  }

  private array(depth: number): void {
    this.pos++;
    this.spaces();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return;
    }
    for (;;) {
      this.spaces();
      if (this.text[this.pos] === "]") this.fail("trailing comma before ']'");
      this.value(depth + 1);
      this.spaces();
      const next = this.text[this.pos];
      if (next === ",") {
        this.pos++;
        continue;
      }
      if (next === "]") {
        this.pos++;
        return;
      }
      this.fail(`expected ',' or ']' after an array element, found ${describe(next)}`);
    }
  }

  private string(): void {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos] ?? "";
      if (ch === '"') {
        this.pos++;
        return;
      }
      if (ch === "\\") {
        const esc = this.text[this.pos + 1];
        if (esc === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
            this.fail("\\u must be followed by four hexadecimal digits");
          }
          this.pos += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc))
          this.fail(`invalid escape \\${esc ?? ""} in a string`);
        this.pos += 2;
        continue;
      }
      if (ch.charCodeAt(0) < 0x20) {
        this.fail(
          `${ch === "\n" || ch === "\r" ? "a line break" : "a control character"} inside a string must be escaped (\\n)`,
        );
      }
      this.pos++;
    }
    this.fail("unterminated string", start);
  }

  private number(): void {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(
      this.text.slice(this.pos, this.pos + 400),
    );
    if (!match || match[0] === "-") this.fail("malformed number");
    this.pos += match[0].length;
  }
}
