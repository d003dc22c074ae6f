// The inputs of issue 12 (item 4) that once crashed rsc and the language server: deep, long or many, generated at their sizes.

export interface HugeScript {
  readonly name: string;
  readonly text: string;
  /** True when the script has errors: rsc check and rsc run exit 1 with a located message. */
  readonly broken: boolean;
}

export const HUGE_SCRIPTS: readonly HugeScript[] = [
  { name: '"$[ repeated 1,000 times (3 KB)', text: '"$['.repeat(1000), broken: true },
  { name: "3,072 nested [", text: "[".repeat(3072), broken: true },
  { name: "1,280 nested :if (true) do={", text: ":if (true) do={".repeat(1280), broken: true },
  {
    name: ":local x (1+1+...+1) with 4,639 terms (9 KB)",
    text: `:local x (1${"+1".repeat(4638)})\n:put $x\n`,
    broken: true,
  },
  { name: "150,000 diagnostics (a stray ')' per line)", text: ")\n".repeat(150_000), broken: true },
  {
    name: "a call with 130,000 arguments",
    text: `:local f do={ :return $a }\n:put [$f${" a=1".repeat(130_000)}]\n`,
    broken: false,
  },
  {
    name: "($a,$a,1) past 131,071 elements",
    text: ":local a {1}\n:for i from=1 to=17 do={ :set a ($a,$a,1) }\n:put [:len $a]\n",
    broken: false,
  },
];

/** A device profile of 200,000 `[`. */
export const DEEP_PROFILE = "[".repeat(200_000);
