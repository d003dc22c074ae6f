// Indents valid JSON text in one pass, without parsing it into objects: numbers and escapes stay as the device wrote them, and no depth overflows a stack.

/** Deeper JSON is shown as it came: indenting it would make its text grow with the square of its depth. */
export const MAX_PRETTY_DEPTH = 64;

const SPACE = /[ \t\r\n]/;

/**
 * `text` (valid JSON) indented by two spaces per level, as `JSON.stringify(value, null, 2)` lays it out, but with every
 * number and string exactly as written (a 64-bit counter keeps its digits). Undefined when it nests deeper than
 * MAX_PRETTY_DEPTH.
 */
export function prettyJson(text: string): string | undefined {
  const out: string[] = [];
  const indents = ["\n"];
  const newline = (level: number): string => (indents[level] ??= `\n${"  ".repeat(level)}`);
  let level = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (SPACE.test(c)) {
      i++;
    } else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text.charAt(end) !== '"') end += text.charAt(end) === "\\" ? 2 : 1;
      out.push(text.slice(i, end + 1));
      i = end + 1;
    } else if (c === "{" || c === "[") {
      let next = i + 1;
      while (next < text.length && SPACE.test(text.charAt(next))) next++;
      const close = c === "{" ? "}" : "]";
      if (text.charAt(next) === close) {
        out.push(c + close);
        i = next + 1;
        continue;
      }
      if (++level > MAX_PRETTY_DEPTH) return undefined;
      out.push(c, newline(level));
      i++;
    } else if (c === "}" || c === "]") {
      level--;
      out.push(newline(level), c);
      i++;
    } else if (c === ",") {
      out.push(",", newline(level));
      i++;
    } else if (c === ":") {
      out.push(": ");
      i++;
    } else {
      let end = i + 1;
      while (end < text.length && !/[ \t\r\n,:{}[\]"]/.test(text.charAt(end))) end++;
      out.push(text.slice(i, end));
      i = end;
    }
  }
  return out.join("");
}
