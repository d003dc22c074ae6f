// How deep a syntax tree may nest: the one limit that keeps every recursive walk over the tree inside the host's stack.

/**
 * Levels of nesting the parser builds: each `{...}`, `[...]`, `(...)`, array literal and prefix operator opens one,
 * and each binary operator of a chain adds one (`1+1+1` is a tree two levels deep). Past it the construct is
 * reported (RSC2016) and skipped as error tokens, so the tree never gets deeper and the parse stays linear.
 *
 * RouterOS documents no limit. Real scripts stay far below this one: among eworm-de's scripts, the parse oracle's
 * 398 forum scripts and the behaviour cases, the deepest nests 14 levels and the longest operator chain has 22
 * operators. The limit is what a tree may need from the stack: a tree level costs up to four nodes (block, command,
 * argument, value), the binding, the checks, the compiler and the evaluator each spend a few frames per node, and
 * code written in a string is analysed as a script of its own inside the walk that found it. 200 levels keep all of
 * them within Node's default stack with room to spare (tested at the limit), and are 14 times the deepest real script.
 */
export const MAX_NESTING = 200;
