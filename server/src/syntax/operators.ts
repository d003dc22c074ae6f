// Operator precedence of RouterOS expressions, highest binding first; all binary operators are left-associative.

/**
 * MikroTik publishes no table. The only official example, `(10+1-6*2=11-12=2+(-3)=-1)` → false, fixes `*` above `+ -`,
 * arithmetic above `=`, and `=` chaining left to right. The rest follows C, with `.` beside `+` and `,` lowest.
 * `<%%` (undocumented: `($f <%% {1;2})` applies a function to an argument array) binds like `->`.
 */
export const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  "->": 13,
  "<%%": 13,
  "*": 11,
  "/": 11,
  "%": 11,
  "+": 10,
  "-": 10,
  ".": 10,
  "<<": 9,
  ">>": 9,
  "&": 8,
  "^": 7,
  "|": 6,
  "<": 5,
  ">": 5,
  "<=": 5,
  ">=": 5,
  "=": 5,
  "!=": 5,
  "~": 5,
  in: 5,
  "&&": 4,
  and: 4,
  "||": 3,
  or: 3,
  ",": 2,
};

/** Prefix operators (`-x`, `!x`, `~x`) bind tighter than every binary operator except `->`. */
export const UNARY_PRECEDENCE = 12;

/** The precedence of the implicit "and" between juxtaposed `where` conditions. */
export const IMPLICIT_AND_PRECEDENCE = 4;

export const WORD_OPERATORS: ReadonlySet<string> = new Set(["and", "or", "in"]);

/**
 * Comparison operators: their left operand is in a property's (or variable's) place, their right one is a value, so a
 * bare word there is text (`where name=ether1` is `(= $name ether1)`, RouterOS 7.22.1 IL).
 */
export const COMPARISONS: ReadonlySet<string> = new Set(["=", "!=", "<", ">", "<=", ">=", "~", "in"]);
