// Scripts that nest n levels deep or chain n operators, one per shape of nesting the language has: for depth tests and the fuzzer.
import { encodeStringText } from "../../server/src/syntax";

export interface DeepScript {
  readonly name: string;
  readonly text: string;
  /** Levels of nesting (as the parser counts them) per unit of n: 2 for `(-(-(-1)))`, 0 for flat shapes. */
  readonly levels: number;
}

/** `open` n times, `middle`, then `close` n times. */
function nest(n: number, open: string, middle: string, close: string): string {
  return open.repeat(n) + middle + close.repeat(n);
}

/** `first` then `op` and `operand` n times. */
function chain(n: number, first: string, op: string, operand: string): string {
  return first + (op + operand).repeat(n);
}

/** A string whose `$[...]` nests `n` levels: three tree nodes per level (string, substitution, command). */
function deepOperand(n: number): string {
  return nest(n, '"$[:put ', "1", ']"');
}

/** Code written as a string inside code written as a string..., `levels` deep, each level `inner` around the next. */
function codeInStrings(levels: number, inner: (code: string) => string, innermost: string): string {
  let code = innermost;
  for (let i = 0; i < levels; i++) code = inner(code);
  return code;
}

/**
 * Every shape of nesting, `n` levels deep (or `n` operators long). Closed shapes are well-formed; the `open` ones
 * stop without closing, as a file cut short or typed halfway does.
 */
export function deepScripts(n: number): DeepScript[] {
  const codeString = (code: string): string =>
    `/system script add name=s source="${encodeStringText(code)}"\n`;
  return [
    { name: "blocks", text: nest(n, "{\n", ":put 1\n", "}\n"), levels: 1 },
    { name: "substitutions", text: ":put " + nest(n, "[:put ", "1", "]"), levels: 1 },
    { name: "statement substitutions", text: nest(n, "[", ":put 1", "]"), levels: 1 },
    { name: "parentheses", text: ":put " + nest(n, "(", "1", ")"), levels: 1 },
    { name: "dynamic variable names", text: ':local x "x"\n:put ' + nest(n, "$(", '"x"', ")"), levels: 1 },
    { name: "strings with $[...]", text: ":put " + nest(n, '"$[:put ', "1", ']"'), levels: 1 },
    { name: "strings with $(...)", text: ":put " + nest(n, '"$(', "1", ')"'), levels: 1 },
    { name: "array literals", text: ":put " + nest(n, "{1;", "2", "}"), levels: 1 },
    { name: "if blocks", text: nest(n, ":if (true) do={\n", ":put 1\n", "}\n"), levels: 1 },
    { name: "functions", text: nest(n, ":local f do={\n", ":return 1\n", "}\n") + ":put [$f]\n", levels: 1 },
    { name: "do on-error", text: nest(n, ":do {\n", ":put 1\n", "} on-error={}\n"), levels: 1 },
    { name: "not", text: ":put (" + "!".repeat(n) + "true)", levels: 1 },
    { name: "minus", text: ":put (" + "-".repeat(n) + "1)", levels: 1 },
    { name: "negations in parentheses", text: ":put " + nest(n, "(-", "1", ")"), levels: 2 },
    { name: "sum", text: `:local x (${chain(n, "1", "+", "1")})\n:put $x`, levels: 1 },
    { name: "concatenation", text: `:local x "b"\n:put (${chain(n, '"a"', " . ", "$x")})`, levels: 1 },
    { name: "comparisons", text: `:put (${chain(n, "1", "<", "2")})`, levels: 1 },
    { name: "juxtaposed operands", text: `:put (${chain(n, "1", " ", "2")})`, levels: 1 },
    { name: "array concatenation", text: `:local a {1}\n:put ($a${",$a".repeat(n)})`, levels: 1 },
    { name: "where", text: `/interface print where ${chain(n, "name=a", " and ", "running")}`, levels: 1 },
    { name: "right nested sums", text: ":put " + nest(n, "(1+", "1", ")"), levels: 2 },
    {
      name: "sum of deep operands",
      text: `:put (${chain(Math.min(n, 250), deepOperand(Math.min(n, 250)), "+", deepOperand(Math.min(n, 250)))})`,
      levels: 2,
    },
    { name: "concatenated values", text: `:local x "b"\n:put a${"$x".repeat(n)}`, levels: 0 },
    { name: "arguments", text: `:put${" a=1".repeat(n)}`, levels: 0 },
    {
      name: "code in strings, nested",
      text: codeInStrings(
        4,
        (code) => `:do {\n${codeString(code)}}`,
        nest(n, ":if (true) do={ ", ":put (1+2)", " }"),
      ),
      levels: 1,
    },
    {
      name: "code in strings, each deep",
      text: codeInStrings(
        4,
        (code) => nest(n - 2, ":if (true) do={\n", codeString(code), "}\n"),
        nest(n - 2, ":if (true) do={ ", ":put (1+2)", " }"),
      ),
      levels: 1,
    },
    { name: "blocks, open", text: "{\n".repeat(n), levels: 1 },
    { name: "substitutions, open", text: "[".repeat(n), levels: 1 },
    { name: "parentheses, open", text: ":put " + "(".repeat(n), levels: 1 },
    { name: "strings, open", text: '"$['.repeat(n), levels: 1 },
    // Each `(` holds a command, not an expression: the recovery from the missing `)` reads the next `(` (fuzzer).
    { name: "parentheses, broken", text: ":put " + "(\n:if ".repeat(n), levels: 1 },
    { name: "if blocks, open", text: ":if (true) do={".repeat(n), levels: 1 },
  ];
}
