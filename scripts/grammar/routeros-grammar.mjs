// Readable source of the RouterOS TextMate grammar: word lists and regex pieces, assembled by buildGrammar().
import { readFileSync } from "node:fs";

/** A word list written as one space-separated string. */
const list = (words) => words.trim().split(/\s+/);

const derived = JSON.parse(readFileSync(new URL("./command-names.json", import.meta.url), "utf8"));

// ---------------------------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------------------------

/** Global (`:`) commands by scope. `bare: true` means the word is also recognised without `:` at a statement start. */
const GLOBAL_COMMANDS = [
  { scope: "keyword.control.conditional.routeros", bare: true, names: ["if"] },
  { scope: "keyword.control.loop.routeros", bare: true, names: ["while", "do"] },
  { scope: "keyword.control.exception.routeros", bare: true, names: ["retry", "error"] },
  { scope: "keyword.control.flow.routeros", bare: true, names: ["return", "break", "continue", "exit"] },
  {
    scope: "support.function.builtin.routeros",
    bare: true,
    names: list(
      `put delay len pick typeof toarray tobool toid toip toip6 tonum tostr totime tonsec tocrlf tolf convert serialize deserialize parse execute resolve time timestamp rndnum rndstr jobname nothing beep grep`,
    ),
  },
  {
    // These are also menu commands or menus (`find`, `/log`, `import`...): without `:` they stay menu words.
    scope: "support.function.builtin.routeros",
    bare: false,
    names: list(
      `find log environment terminal import export password quit undo redo lock recursive-print range`,
    ),
  },
];

/** Globals whose first argument names a variable: the declaration/assignment rules capture it. */
const DECLARATIONS = ["local", "global"];
const COUNTER_COMMANDS = [
  { name: "for", scope: "keyword.control.loop.routeros" },
  { name: "foreach", scope: "keyword.control.loop.routeros" },
  { name: "onerror", scope: "keyword.control.exception.routeros" },
];

/** Bare words that are switches (flags without `=`) of common commands. */
const SWITCHES = list(
  `as-value count-only detail brief terse without-paging once dry-run verbose use-script-permissions as-string as-string-value follow follow-only value-list show-ids compact hide-sensitive show-sensitive append stats all oid`,
);

/** Menu command names: every `cmd` of the RouterOS 7.24 inspect tree, plus the ones that are also menu names. */
const COMMANDS = derived.commands;
const COMMANDS_ALSO_MENUS = derived.alsoMenus;

// ---------------------------------------------------------------------------------------------------------------
// Regex pieces (Oniguruma syntax, as strings)
// ---------------------------------------------------------------------------------------------------------------

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
/** An alternation of literal words, longest first so no word shadows a longer one. */
const words = (names) =>
  `(?:${[...new Set(names)]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map(escapeRegex)
    .join("|")})`;

/**
 * A compact alternation of literal words, factored by common prefixes (`add(?:-acme|-device)?`): the command list
 * has ~300 words, and a factored regex compiles and matches faster than a flat `a|b|c`.
 */
function wordTrie(names) {
  const root = new Map();
  const END = "";
  for (const name of new Set(names)) {
    let node = root;
    for (const ch of name) {
      if (!node.has(ch)) node.set(ch, new Map());
      node = node.get(ch);
    }
    node.set(END, null);
  }
  const emit = (node) => {
    const optional = node.has(END);
    const branches = [...node.keys()]
      .filter((k) => k !== END)
      .sort()
      .map((ch) => escapeRegex(ch) + emit(node.get(ch)));
    if (branches.length === 0) return "";
    const body = branches.length === 1 && !optional ? branches[0] : `(?:${branches.join("|")})`;
    return optional ? (branches.length === 1 ? `(?:${branches[0]})?` : `${body}?`) : body;
  };
  return `(?:${emit(root)})`;
}

/** Not preceded by a character that would make the match the middle of a word, a variable or a number. */
const WORD_START = '(?<![-\\w.$"])';
/** Not followed by a character that would continue a word: hyphenated names (`do-something`) are one word. */
const WORD_END = "(?![-\\w])";
/** A global command word ends where a name could not go on (and it is not an argument name `if=`). */
const COMMAND_END = "(?![-\\w.:=/])";
/** A statement starts at the beginning of a line or after whitespace, `;`, `{` or `[`. */
const STATEMENT_START = "(?<![^\\s;{\\[])";
/** Where a statement ends: `;`, the closing `}`/`]` of its container, or a line end not continued by `\`. The
 * engine appends `\n` to each line and `$` also matches after it, so that position is excluded too. */
const STATEMENT_END = "(?=[;}\\]])|(?<![\\\\\\n])$";
/** The end of a word in a command path: whitespace, `/`, `;`, a closing bracket or the line end. */
const SEGMENT_END = "(?=[\\s/;\\]}]|$)";
/** A menu or command name: letters, digits, `_` and `-`, with at least one letter (`6to4`, `ip`, `dhcp-server`). */
const SEGMENT = "[0-9]*[A-Za-z][-\\w]*";
/** A name a script declares (`:local my_var`): any word of letters, digits and `_`. */
const VAR_NAME = "[A-Za-z0-9_]+";
/**
 * A name read after `$`: letters and digits (MikroTik manual, Scripting; a leading `_` kept, as the parser does);
 * RouterOS 7.22.1 compiles `"$name_VLAN"` to `(. $name _VLAN)`, so a later `_` and what follows are text.
 */
const REF_NAME = "[A-Za-z0-9_][A-Za-z0-9]*";
/** A literal inside an expression or positional argument is not glued to a name or another literal. */
const LITERAL_BEFORE = "(?<![\\w.:])";
const LITERAL_AFTER = "(?![\\w.:])";
/** A literal as the whole value of `name=value` (or one item of a comma list or `a-b` range). */
const VALUE_LITERAL_AFTER = "(?=[\\s;,)\\]}\\\\]|-[0-9]|$)";
/** A whole word as a value: `no` in `ssl=no` but not in `no-mark`. */
const VALUE_WORD_AFTER = "(?=[\\s;,)\\]}\\\\]|$)";

/**
 * The command list is long, so the path rule defines it once as named groups that match nothing (`(?<cmd>...){0}`)
 * and calls them with `\\g<cmd>` (Oniguruma subexpression calls) wherever it needs them.
 */
const COMMAND_GROUPS = `(?<cmd>${wordTrie(COMMANDS)}){0}(?<menucmd>${wordTrie(COMMANDS_ALSO_MENUS)}){0}`;
/**
 * A listed command word is a command, except a word that is also a menu somewhere (`update`, `profile`, `sniffer`)
 * when a command follows it (`/system package update install`) or nothing does (`/tool sniffer`).
 */
const LISTED_COMMAND = `(?!\\g<menucmd>${SEGMENT_END}(?:[ \\t]*(?:$|[;\\]}#])|(?:/|[ \\t]+)\\g<cmd>${SEGMENT_END}))\\g<cmd>${SEGMENT_END}`;
/** Any other word is a command when arguments follow it (a named argument, a value, a string, `[`, `(`...). */
const GENERIC_COMMAND = `${SEGMENT}${SEGMENT_END}(?=[ \\t]+(?:[A-Za-z_][-\\w]*=|["$\\[({!*]|\\\\$|[0-9][-0-9A-Fa-fx.:/,*]*(?=[\\s;\\]}]|$)))`;
const IS_COMMAND = `(?:${LISTED_COMMAND}|${GENERIC_COMMAND})`;
const PATH_ELEMENT = `(?:\\.\\.|(?!${IS_COMMAND})${SEGMENT})${SEGMENT_END}`;

const HEX4 = "[0-9A-Fa-f]{1,4}";
const IPV4 = "(?:[0-9]{1,3}\\.){3}[0-9]{1,3}";
const IPV6 = `(?:(?:${HEX4}:){6}${IPV4}|(?:${HEX4}:){1,5}:${IPV4}|::(?:[Ff]{4}(?::0{1,4})?:)?${IPV4}|(?:${HEX4}:){7}${HEX4}|(?:${HEX4}:){1,7}:|(?:${HEX4}:){1,6}:${HEX4}|(?:${HEX4}:){1,5}(?::${HEX4}){1,2}|(?:${HEX4}:){1,4}(?::${HEX4}){1,3}|(?:${HEX4}:){1,3}(?::${HEX4}){1,4}|(?:${HEX4}:){1,2}(?::${HEX4}){1,5}|${HEX4}:(?::${HEX4}){1,6}|:(?:(?::${HEX4}){1,7}|:))`;
const MAC = "[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}";
const TIME_UNITS = "(?:[0-9]+(?:\\.[0-9]+)?(?:weeks?|w|days?|d|hours?|h|mins?|ms|us|ns|m|s))+";
const TIME_CLOCK = "(?:[0-9]+w)?(?:[0-9]+d)?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?";
const DATE =
  "[0-9]{4}-[0-9]{2}-[0-9]{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/[0-9]{2}/[0-9]{4}";

// ---------------------------------------------------------------------------------------------------------------
// Rule helpers
// ---------------------------------------------------------------------------------------------------------------

const include = (name) => ({ include: `#${name}` });

/**
 * The literal rules (addresses, times, numbers...), each bounded by `before`/`after`. Order matters: longest shapes
 * first. `signedDecimal` lets a value such as `offset=-5` be one negative number, as the lexer reads it.
 */
function literalRules(before, after, signedDecimal = false) {
  const rule = (scope, body) => ({ name: scope, match: `${before}(?:${body})${after}` });
  return [
    rule("constant.numeric.date.routeros", DATE),
    rule("constant.numeric.mac-address.routeros", MAC),
    rule("constant.numeric.ipv6-prefix.routeros", `${IPV6}/[0-9]{1,3}`),
    rule("constant.numeric.ipv6.routeros", IPV6),
    rule("constant.numeric.ipv4-prefix.routeros", `${IPV4}/[0-9]{1,2}`),
    rule("constant.numeric.ipv4.routeros", IPV4),
    rule("constant.numeric.time.routeros", `${TIME_UNITS}|${TIME_CLOCK}`),
    rule("constant.numeric.id.routeros", "\\*[0-9A-Fa-f]+"),
    rule("constant.numeric.integer.hexadecimal.routeros", "0x[0-9A-Fa-f]+"),
    rule("constant.numeric.integer.decimal.routeros", signedDecimal ? "(?:(?<=[=,])-)?[0-9]+" : "[0-9]+"),
  ];
}

/** One rule per group of global commands, with or without the `:` prefix. */
function globalCommandRules() {
  return GLOBAL_COMMANDS.map((group) => ({
    name: "meta.command.global.routeros",
    begin: `${STATEMENT_START}(${group.bare ? "(:)?" : "(:)"}${words(group.names)})${COMMAND_END}`,
    beginCaptures: { 1: { name: group.scope }, 2: { name: "punctuation.definition.command.routeros" } },
    end: STATEMENT_END,
    patterns: [include("arguments")],
  }));
}

/** A variable name after `:local`/`:global`/`:set`: a plain name or a quoted one (`"my-var"`). Captures: name, quoted. */
const VARIABLE_NAME_ARGUMENT = `(?:[ \\t]+(?:(${VAR_NAME})|((")[^"\\\\]*(")))(?=[\\s;\\]}]|$))?`;
const variableNameCaptures = (first, scope) => ({
  [first]: { name: scope },
  [first + 1]: { name: scope },
  [first + 2]: { name: "punctuation.definition.variable.begin.routeros" },
  [first + 3]: { name: "punctuation.definition.variable.end.routeros" },
});

// ---------------------------------------------------------------------------------------------------------------
// The grammar
// ---------------------------------------------------------------------------------------------------------------

/** Builds the grammar object written to syntaxes/routeros.tmLanguage.json. */
export function buildGrammar() {
  return {
    $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    name: "RouterOS",
    scopeName: "source.routeros",
    fileTypes: ["rsc"],
    firstLineMatch: "^#.* by RouterOS [0-9]",
    comment:
      "GENERATED by scripts/grammar/build.mjs from scripts/grammar/routeros-grammar.mjs. Do not edit by hand.",
    patterns: [include("statements"), include("stray-closer")],
    repository: {
      statements: {
        patterns: [
          include("comment"),
          include("line-continuation"),
          include("statement-separator"),
          include("block"),
          include("declaration-statement"),
          include("set-statement"),
          include("counter-statement"),
          include("global-statement"),
          include("generic-global-statement"),
          include("call-statement"),
          include("path-statement"),
          include("arguments"),
        ],
      },

      comment: {
        comment: "`#` to the end of the line, only where a token may start (not inside words or strings).",
        match: "(?:^|(?<=[\\s;{}\\[\\]()]))(#).*$",
        name: "comment.line.number-sign.routeros",
        captures: { 1: { name: "punctuation.definition.comment.routeros" } },
      },
      "line-continuation": {
        comment: "A trailing `\\` joins the next line.",
        match: "\\\\$",
        name: "punctuation.separator.continuation.routeros",
      },
      "stray-backslash": {
        comment: "A backslash outside a string that does not end the line is illegal.",
        match: "\\\\",
        name: "invalid.illegal.backslash.routeros",
      },
      "statement-separator": { match: ";", name: "punctuation.terminator.statement.routeros" },
      "stray-closer": { match: "[}\\])]", name: "invalid.illegal.stray-bracket.routeros" },

      block: {
        comment: "`{ ... }`: a block of statements, or an array literal `{1;2;a=3}`.",
        begin: "\\{",
        beginCaptures: { 0: { name: "punctuation.section.block.begin.routeros" } },
        end: "\\}",
        endCaptures: { 0: { name: "punctuation.section.block.end.routeros" } },
        name: "meta.block.routeros",
        patterns: [include("statements")],
      },

      "declaration-statement": {
        comment: "`:local name`, `:global name` (also without `:`), the name is a declaration.",
        name: "meta.command.global.routeros",
        begin: `${STATEMENT_START}((:)?${words(DECLARATIONS)})${COMMAND_END}${VARIABLE_NAME_ARGUMENT}`,
        beginCaptures: {
          1: { name: "storage.type.variable.routeros" },
          2: { name: "punctuation.definition.command.routeros" },
          ...variableNameCaptures(3, "variable.other.declaration.routeros"),
        },
        end: STATEMENT_END,
        patterns: [include("arguments")],
      },
      "set-statement": {
        comment: "`:set name value`; without `:` a statement `set` is the menu command.",
        name: "meta.command.global.routeros",
        begin: `${STATEMENT_START}((:)set)${COMMAND_END}${VARIABLE_NAME_ARGUMENT}`,
        beginCaptures: {
          1: { name: "keyword.other.assignment.routeros" },
          2: { name: "punctuation.definition.command.routeros" },
          ...variableNameCaptures(3, "variable.other.routeros"),
        },
        end: STATEMENT_END,
        patterns: [include("arguments")],
      },
      "counter-statement": {
        comment:
          "`:for i from=...`, `:foreach k,v in=...`, `:onerror e in=...`: the counters are declarations.",
        patterns: COUNTER_COMMANDS.map(({ name, scope }) => ({
          name: "meta.command.global.routeros",
          begin: `${STATEMENT_START}((:)?${name})${COMMAND_END}(?:[ \\t]+(${VAR_NAME}(?:,${VAR_NAME})*)(?=[\\s;\\]}]|$))?`,
          beginCaptures: {
            1: { name: scope },
            2: { name: "punctuation.definition.command.routeros" },
            3: {
              patterns: [
                { match: VAR_NAME, name: "variable.other.declaration.routeros" },
                { match: ",", name: "punctuation.separator.comma.routeros" },
              ],
            },
          },
          end: STATEMENT_END,
          patterns: [include("arguments")],
        })),
      },
      "global-statement": { patterns: globalCommandRules() },
      "generic-global-statement": {
        comment: "Any other `:word` is a global command this grammar does not list.",
        name: "meta.command.global.routeros",
        begin: `${STATEMENT_START}((:)[A-Za-z][-\\w]*)${COMMAND_END}`,
        beginCaptures: {
          1: { name: "support.function.routeros" },
          2: { name: "punctuation.definition.command.routeros" },
        },
        end: STATEMENT_END,
        patterns: [include("arguments")],
      },
      "call-statement": {
        comment: '`$f a=1 "x"`: calling a function stored in a variable.',
        name: "meta.command.call.routeros",
        begin: `${STATEMENT_START}(?=\\$(?:[A-Za-z0-9_"]))`,
        end: STATEMENT_END,
        patterns: [include("arguments")],
      },
      "path-statement": {
        comment:
          "`/ip firewall filter add ...`, `/ip/route/print`, `../x/print`, `add ...`, or a menu-only line `/interface bridge`. Menu words are namespaces; the command is a listed command name or a word followed by arguments.",
        name: "meta.command.routeros",
        begin: `${COMMAND_GROUPS}${STATEMENT_START}(?=/|\\.\\.(?:[/\\s;\\]}]|$)|${SEGMENT}${SEGMENT_END})(/)?((?:${PATH_ELEMENT}(?:/|[ \\t]+)?)*)((?=${IS_COMMAND})${SEGMENT})?`,
        beginCaptures: {
          3: { name: "punctuation.separator.path.routeros" },
          4: { patterns: [include("path-parts")] },
          5: { name: "entity.name.function.command.routeros" },
        },
        end: STATEMENT_END,
        patterns: [include("arguments")],
      },
      "path-parts": {
        patterns: [
          { match: "\\.\\.", name: "entity.name.namespace.parent.routeros" },
          { match: "/", name: "punctuation.separator.path.routeros" },
          { match: SEGMENT, name: "entity.name.namespace.menu.routeros" },
        ],
      },

      arguments: {
        comment: "What follows a command: named arguments, switches, values, `where` filters, nested code.",
        patterns: [
          include("comment"),
          include("line-continuation"),
          include("string"),
          include("escaped-string"),
          include("variable"),
          include("substitution"),
          include("parens"),
          include("block"),
          include("where-clause"),
          include("named-argument"),
          include("unset-argument"),
          include("switch"),
          include("constant"),
          include("literal"),
          include("operator"),
          include("positional-word"),
          include("comma"),
          include("stray-backslash"),
          { match: "\\)", name: "invalid.illegal.stray-bracket.routeros" },
        ],
      },
      "named-argument": {
        comment: "`name=value`; `do=`, `else=`, `on-error=`, `in=`, `from=`... are argument names too.",
        // RouterOS 7's grouped names (`security.passphrase=`) are one name, dots included (its 7.24 command tree).
        begin: `${WORD_START}([A-Za-z_][-\\w]*(?:\\.[A-Za-z][-\\w]*)*)(=)`,
        beginCaptures: {
          1: { name: "entity.other.attribute-name.routeros" },
          2: { name: "punctuation.separator.key-value.routeros" },
        },
        end: "(?=[\\s;)\\]}\\\\]|$)",
        patterns: [include("argument-value")],
      },
      "argument-value": {
        patterns: [
          include("string"),
          include("escaped-string"),
          include("variable"),
          include("substitution"),
          include("parens"),
          include("block"),
          ...[
            { match: `(?:true|false|yes|no)${VALUE_WORD_AFTER}`, name: "constant.language.boolean.routeros" },
            ...literalRules("", VALUE_LITERAL_AFTER, true),
          ],
          include("comma"),
          { match: "-(?=[0-9])", name: "keyword.operator.range.routeros" },
          { match: "(?<==)!", name: "keyword.operator.logical.negation.routeros" },
          { match: '[^\\s;,"()\\[\\]{}$\\\\]+', name: "string.unquoted.routeros" },
        ],
      },
      "unset-argument": {
        comment: "`set 0 !port` unsets a property.",
        match: `(?<![^\\s])(!)([A-Za-z_][-\\w]*)${WORD_END}(?!=)`,
        captures: {
          1: { name: "keyword.operator.unset.routeros" },
          2: { name: "entity.other.attribute-name.routeros" },
        },
      },
      switch: {
        match: `${WORD_START}${words(SWITCHES)}${WORD_END}(?![.=])`,
        name: "entity.other.attribute-name.switch.routeros",
      },
      "positional-word": {
        comment:
          "A bare word argument is a string (`get cpu-load`, `:log info`, `/system script run my-script`).",
        match: '[A-Za-z_][^\\s;,"()\\[\\]{}$\\\\=~<>!|&^]*',
        name: "string.unquoted.routeros",
      },
      "where-clause": {
        comment: "`where <expression>` to the end of the command: bare words are property names.",
        begin: `${WORD_START}(where)${WORD_END}(?!=)`,
        beginCaptures: { 1: { name: "keyword.other.where.routeros" } },
        end: STATEMENT_END,
        name: "meta.where.routeros",
        patterns: [
          include("comment"),
          include("expression-content"),
          {
            comment: "A word right after a comparison is a value, not a property.",
            match: "(?:(?<=[=~<>])|(?<=[=~<>][ \\t]))[A-Za-z_][-\\w.]*",
            name: "string.unquoted.routeros",
          },
          include("property-word"),
        ],
      },

      parens: {
        comment: "`( ... )`: an expression.",
        begin: "\\(",
        beginCaptures: { 0: { name: "punctuation.section.parens.begin.routeros" } },
        end: "\\)",
        endCaptures: { 0: { name: "punctuation.section.parens.end.routeros" } },
        name: "meta.expression.routeros",
        patterns: [include("expression-content"), include("property-word")],
      },
      "expression-content": {
        patterns: [
          include("line-continuation"),
          include("string"),
          include("escaped-string"),
          include("variable"),
          include("substitution"),
          include("parens"),
          include("block"),
          include("word-operator"),
          include("constant"),
          include("literal"),
          include("operator"),
          include("comma"),
          include("stray-backslash"),
        ],
      },
      "property-word": {
        match: "[A-Za-z_][-\\w]*",
        name: "variable.other.property.routeros",
      },
      substitution: {
        comment: "`[ command ]`: runs one command line and yields its value.",
        begin: "\\[",
        beginCaptures: { 0: { name: "punctuation.section.brackets.begin.routeros" } },
        end: "\\]",
        endCaptures: { 0: { name: "punctuation.section.brackets.end.routeros" } },
        name: "meta.substitution.routeros",
        patterns: [include("statements")],
      },

      variable: {
        patterns: [
          {
            match: `(\\$)(${REF_NAME})`,
            name: "variable.other.routeros",
            captures: { 1: { name: "punctuation.definition.variable.routeros" } },
          },
          {
            match: '(\\$)(")[^"]*(")',
            name: "variable.other.routeros",
            captures: {
              1: { name: "punctuation.definition.variable.routeros" },
              2: { name: "punctuation.definition.variable.begin.routeros" },
              3: { name: "punctuation.definition.variable.end.routeros" },
            },
          },
          {
            match: '(\\$)(\\\\")[^"\\\\]*(\\\\")',
            name: "variable.other.routeros",
            captures: {
              1: { name: "punctuation.definition.variable.routeros" },
              2: { name: "punctuation.definition.variable.begin.routeros" },
              3: { name: "punctuation.definition.variable.end.routeros" },
            },
          },
          {
            comment: '`$(expr)` outside strings (`$("latitude")`).',
            begin: "\\$\\(",
            beginCaptures: { 0: { name: "punctuation.definition.variable.begin.routeros" } },
            end: "\\)",
            endCaptures: { 0: { name: "punctuation.definition.variable.end.routeros" } },
            name: "meta.variable.expression.routeros",
            patterns: [include("expression-content"), include("property-word")],
          },
          {
            begin: "\\$\\[",
            beginCaptures: { 0: { name: "punctuation.definition.variable.begin.routeros" } },
            end: "\\]",
            endCaptures: { 0: { name: "punctuation.definition.variable.end.routeros" } },
            name: "meta.variable.substitution.routeros",
            patterns: [include("statements")],
          },
        ],
      },

      string: {
        begin: '"',
        beginCaptures: { 0: { name: "punctuation.definition.string.begin.routeros" } },
        end: '"',
        endCaptures: { 0: { name: "punctuation.definition.string.end.routeros" } },
        name: "string.quoted.double.routeros",
        patterns: [include("string-escape"), include("string-interpolation")],
      },
      "escaped-string": {
        comment:
          'A string written with escaped quotes, as inside an interpolation of a string (`"$[:len \\"abc\\"]"`).',
        begin: '\\\\"',
        beginCaptures: { 0: { name: "punctuation.definition.string.begin.routeros" } },
        end: '\\\\"',
        endCaptures: { 0: { name: "punctuation.definition.string.end.routeros" } },
        name: "string.quoted.double.escaped.routeros",
        patterns: [include("string-interpolation")],
      },
      "string-escape": {
        patterns: [
          { match: "\\\\$", name: "constant.character.escape.line-continuation.routeros" },
          { match: "\\\\[0-9A-F]{2}", name: "constant.character.escape.hex.routeros" },
          { match: '\\\\["\\\\nrt$?_abfv]', name: "constant.character.escape.routeros" },
          { match: "\\\\.", name: "invalid.illegal.escape.routeros" },
        ],
      },
      "string-interpolation": {
        patterns: [
          {
            comment: "`$[command]` inside a string.",
            begin: "\\$\\[",
            beginCaptures: { 0: { name: "punctuation.definition.template-expression.begin.routeros" } },
            end: "\\]",
            endCaptures: { 0: { name: "punctuation.definition.template-expression.end.routeros" } },
            name: "meta.interpolation.routeros",
            contentName: "meta.embedded.line.routeros",
            patterns: [include("statements")],
          },
          {
            comment: "`$(expression)` inside a string.",
            begin: "\\$\\(",
            beginCaptures: { 0: { name: "punctuation.definition.template-expression.begin.routeros" } },
            end: "\\)",
            endCaptures: { 0: { name: "punctuation.definition.template-expression.end.routeros" } },
            name: "meta.interpolation.routeros",
            contentName: "meta.embedded.line.routeros",
            patterns: [include("expression-content"), include("property-word")],
          },
          {
            comment: '`$\\"my-var\\"` inside a string: a quoted variable name, its quotes escaped.',
            match: '(\\$)(\\\\")[^"\\\\]*(\\\\")',
            name: "variable.other.interpolated.routeros",
            captures: {
              1: { name: "punctuation.definition.variable.routeros" },
              2: { name: "punctuation.definition.variable.begin.routeros" },
              3: { name: "punctuation.definition.variable.end.routeros" },
            },
          },
          {
            match: `(\\$)${REF_NAME}`,
            name: "variable.other.interpolated.routeros",
            captures: { 1: { name: "punctuation.definition.variable.routeros" } },
          },
        ],
      },

      constant: {
        match: `${WORD_START}(?:true|false|yes|no)${WORD_END}(?![.=])`,
        name: "constant.language.boolean.routeros",
      },
      literal: { patterns: literalRules(LITERAL_BEFORE, LITERAL_AFTER) },

      "word-operator": {
        patterns: [
          {
            match: `${WORD_START}(?:and|or|not)${WORD_END}(?!=)`,
            name: "keyword.operator.wordlike.logical.routeros",
          },
          { match: `${WORD_START}in${WORD_END}(?!=)`, name: "keyword.operator.wordlike.in.routeros" },
        ],
      },
      operator: {
        patterns: [
          { match: "->", name: "keyword.operator.accessor.routeros" },
          { match: "<%%", name: "keyword.operator.apply.routeros" },
          { match: "&&|\\|\\||!(?!=)", name: "keyword.operator.logical.routeros" },
          { match: "<<|>>|&|\\||\\^", name: "keyword.operator.bitwise.routeros" },
          { match: "<=|>=|!=|<|>|=", name: "keyword.operator.comparison.routeros" },
          { match: "~", name: "keyword.operator.match.routeros" },
          { match: "[-+*/%]", name: "keyword.operator.arithmetic.routeros" },
          { match: "\\.", name: "keyword.operator.concatenation.routeros" },
        ],
      },
      comma: { match: ",", name: "punctuation.separator.comma.routeros" },
    },
  };
}
