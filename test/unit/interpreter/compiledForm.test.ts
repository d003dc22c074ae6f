// The compiled-form printer as a table: small scripts of our own and the IL RouterOS 7.22.1 gives for each shape.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compiledScript } from "../../../server/src/interpreter/compiledForm";
import { parse } from "../../../server/src/syntax";

/**
 * [what the row shows, script, expected compiled form]. The expected forms follow the rules learnt from the parse
 * oracle's IL (../shared/data/routeros-parse-oracle, compared by scripts/dev/il-compare.mjs); each row names its rule.
 * A row whose IL starts with … expects that part only.
 */
const ROWS: readonly [rule: string, script: string, il: string][] = [
  ["one statement is the script", ":put 1", "(evl /putmessage=1)"],
  ["statements join with ;", ":put 1\n:put 2\n", "(evl /putmessage=1);(evl /putmessage=2)"],
  ["header comments make one empty statement", "# a\n# b\n\n:put 1\n", "/;(evl /putmessage=1)"],
  ["a comment-only script is one empty statement", "# only\n", "/"],
  ["an empty script is nothing", "", ""],
  ["arguments sorted by name", ":local x 1", "(evl /localname=$x;value=1)"],
  ["numbers in decimal", ":put 0xFF85", "(evl /putmessage=65413)"],
  ["times typed by the argument", ":delay 60", "(evl /delaydelay-time=00:01:00)"],
  ["menu path and positional names", "/ip service disable telnet", "(evl /ip/service/disablenumbers=telnet)"],
  ["get's positional names", "/system identity get name", "(evl /system/identity/getvalue-name=name)"],
  [
    "abbreviation expanded",
    "/ip firewall nat add to-address=1.1.1.1",
    "(evl /ip/firewall/nat/addto-addresses=1.1.1.1)",
  ],
  ["bool typed", "/ip service set telnet disabled=no", "(evl /ip/service/setdisabled=false;numbers=telnet)"],
  [
    "prefix in an argument is address;bits",
    "/ip address add address=2.2/24 interface=e",
    "(evl /ip/address/addaddress=2.0.0.2;24;interface=e)",
  ],
  [
    "prefix in an expression keeps its slash",
    ":put (1.1.1.1 in 1.0.0.0/8)",
    "(evl /putmessage=(in 1.1.1.1 1.0.0.0/8))",
  ],
  [
    "list in a menu argument",
    "/console inspect path=ip,address request=child",
    "(evl /console/inspectpath=ip;address;request=child)",
  ],
  ["switch alone is true", "/ip address print as-value", "(evl /ip/address/printas-value=true)"],
  [
    "switch repeats the value before it",
    "/file get f.txt contents as-string",
    "(evl /file/getas-string=contents;number=f.txt;value-name=contents)",
  ],
  ["substitution", ":put [:len $a]", "(evl /putmessage=(evl (evl /lenvalue=$a)))"],
  ["operators prefix", ":put ($a > 1)", "(evl /putmessage=(> $a 1))"],
  ["+ chains flatten, - does not", ":put (1 + $a + (2 + 3) - 4)", "(evl /putmessage=(- (+ 1 $a 2 3) 4))"],
  ["concatenation flattens strings", ':put ("a$x" . "b")', "(evl /putmessage=(. a $x b))"],
  ["escapes are pieces", ':put "a\\nb"', "(evl /putmessage=(. a \n b))"],
  ["plain string is its text", ':put "hello world"', "(evl /putmessage=hello world)"],
  ["array literal", ":local a {b=2;a=1;3}", "(evl /localname=$a;value=3;a=1;b=2)"],
  ["function value", ":global f do={:return 1}", "(evl /globaldo=;(evl (evl /returnvalue=1));name=$f)"],
  [
    "multi-line body starts with its menu",
    ":global f do={\n:return 1\n}",
    "(evl /globaldo=;(evl / (evl /returnvalue=1));name=$f)",
  ],
  ["empty body", ":do {} on-error={}", "(evl /docommand=;(evl /);on-error=;(evl /))"],
  ["call", ":put [$f a b=1]", "(evl /putmessage=(evl (<%% $f (> $f);a;b=1)))"],
  ["call statement, named after unnamed", "$f b=1 a", "(<%% $f (> $f);a;b=1)"],
  [
    "where: properties are variables",
    "/ip address print where !disabled",
    "…(evl /ip/address/printwhere=$address;",
  ],
  ["find's named arguments are conditions", '/ip address find comment="x"', "…$.about;(= $comment x);5)"],
  [
    "root find takes values",
    ":global f do={:return [find $1 $2]}",
    "(evl /globaldo=;(evl (evl /returnvalue=(evl (evl /findin=$1;key=$2))));name=$f)",
  ],
  ["bare word left of a comparison is a variable", ":put (k = 1)", "(evl /putmessage=(= $k 1))"],
  ["menu-only line then commands", "/ip route\n:put 1\n", "/ip/route/;(evl /putmessage=1)"],
  ["menu block", "/ip route {\nprint\n}", "(evl /ip/route/ (evl /ip/route/print))"],
  ["bad command name", "/ip foo bar x=1", "(<%% bad command name foo (line 1 column 5) foo;bar;x=1)"],
  [
    "[...] statement closes the sequence before it",
    ":put 1\n[:put 2]\n",
    "(<%% (evl (evl /putmessage=1);(evl /putmessage=2)) )",
  ],
  [
    "[[...]] calls the inner command itself",
    ':put [[:parse ":return 1"]]',
    "(evl /putmessage=(evl (<%% (evl /parsevalue=:return 1) )))",
  ],
  ["[...] with words at a line start", "[:put 1] a 5m", "(<%% (evl /putmessage=1) a;5m)"],
  ["bare key of -> reads a variable", ":put ($a->k)", "(evl /putmessage=(-> $a $k))"],
  ["a string key of -> stays text", ':put ($a->"k")', "(evl /putmessage=(-> $a k))"],
  ["continued string drops the indentation", ':put "a\\\n    b"', "(evl /putmessage=(. a b))"],
  ["_ ends a variable name", "/interface vlan add name=$n_V", "(evl /interface/vlan/addname=(. $n _V))"],
];

for (const [rule, script, il] of ROWS) {
  test(`compiled form: ${rule}`, () => {
    const got = compiledScript(script, parse(script).script.body);
    // A row starting with … gives a part only: a where's property list is the router's own order, not public.
    if (il.startsWith("…")) assert.ok(got.includes(il.slice(1)), `${got} should contain ${il.slice(1)}`);
    else assert.equal(got, il);
  });
}
