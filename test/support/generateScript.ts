// Generates large, realistic RouterOS scripts (exports, telemetry, nested blocks, long strings) for benchmarks.

/** A tiny deterministic PRNG so that every run measures the same text. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const SECTIONS: readonly ((i: number, r: () => number) => string)[] = [
  (i) => `# ${i}: export of a router
/interface bridge
add name=bridge${i} comment="bridge number ${i}"
/interface ethernet
set [ find default-name=ether${i % 8} ] comment="uplink ${i}" mtu=1500
/ip address
add address=10.${i % 250}.0.1/24 interface=bridge${i} network=10.${i % 250}.0.0
/ip firewall filter
add action=accept chain=input comment="defconf: accept established,related,untracked" connection-state=\\
    established,related,untracked
add action=drop chain=input comment="defconf: drop invalid" connection-state=invalid in-interface-list=!LAN
`,
  (i) => `:local broker${i} "broker-${i}"
:local model [/system routerboard get model]
:local cpuLoad [/system resource get cpu-load]
:local freeMemory [/system resource get free-memory]
:local usedMemory ([/system resource get total-memory] - $freeMemory)
:local rosVersion [/system package get value-name=version \\
    [/system package find where name ~ "^routeros"]]
:local message \\
    "{\\"model\\":\\"$model\\",\\
                \\"cpu\\":$cpuLoad,\\
                \\"umem\\":$usedMemory,\\
                \\"uptime\\":\\"$[/system resource get uptime]\\"}"
/iot mqtt publish broker=$broker${i} topic="devices/${i}/telemetry" message=$message qos=1
`,
  (i, r) => `:global counter${i}
:if ([:typeof $counter${i}] = "nothing") do={ :set counter${i} 0 }
:foreach k,v in={a=${Math.floor(r() * 100)};b="x";c={1;2;3}} do={
  :if ($v > 10 && [:len $k] < 3) do={
    :for j from=1 to=10 step=2 do={
      :do {
        :set counter${i} ($counter${i} + $j * 2 - 1)
      } on-error={ :log warning "failed at $j" }
    }
  } else={
    :while ($counter${i} < 100) do={ :set counter${i} ($counter${i} + 1) }
  }
}
`,
  (
    i,
  ) => `/system script add name=script${i} source=":local a ${i}\\r\\n:put \\"value \\$a\\"\\r\\n:log info \\"${"long text ".repeat(20)}\\"" policy=read,write
:local f${i} do={ :return ($1 . "-" . $2) }
:put [$f${i} "left" "right"]
:onerror e in={ :error "boom ${i}" } do={ :put "caught $e" }
`,
];

/** A script of at least `minBytes` characters, the same for the same arguments. */
export function generateScript(minBytes: number, seed = 7): string {
  const random = rng(seed);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < minBytes; i++) {
    const section = SECTIONS[i % SECTIONS.length];
    if (!section) break;
    const text = section(i, random);
    parts.push(text);
    size += text.length;
  }
  return parts.join("");
}

/** A script of exactly `lines` lines (the last one ends with a newline). */
export function generateLines(lines: number, seed = 7): string {
  const text = generateScript(lines * 80, seed);
  const all = text.split("\n");
  return all.slice(0, lines).join("\n") + "\n";
}

const VERBS = [
  "Get",
  "Set",
  "Find",
  "Check",
  "Format",
  "Parse",
  "Wait",
  "Send",
  "Clean",
  "Fetch",
  "Log",
  "Is",
];
const NOUNS = [
  "Certificate",
  "Route",
  "Interface",
  "Lease",
  "Mail",
  "Update",
  "Script",
  "Clock",
  "Dns",
  "Peer",
];
const MENUS = [
  "/system/resource/get free-memory",
  "/system/identity/get name",
  "/ip/dns/get servers",
  "/system/clock/get time",
  "/interface/get [ find default-name=ether1 ] name",
  "/system/routerboard/get model",
];

/** One function body: locals from its parameters, imported globals, conditions, loops, error handling, returns. */
function functionBody(name: string, callees: readonly string[], random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const lines = [`# ${name.toLowerCase()}: a function of the library`, `:set ${name} do={`];
  lines.push(`  :local Input [ :tostr $1 ];`, `  :local Count [ :tonum $2 ];`, "");
  const used = [pick(callees), pick(callees), "LogPrint"];
  for (const g of new Set(used)) lines.push(`  :global ${g};`);
  lines.push("");
  const blocks = 2 + Math.floor(random() * 4);
  for (let b = 0; b < blocks; b++) {
    switch (Math.floor(random() * 5)) {
      case 0:
        lines.push(
          `  :if ([ :len $Input ] = 0) do={`,
          `    $LogPrint warning $0 ("The input of ${name} is empty, using the default.");`,
          `    :set Input "default-${b}";`,
          `  } else={`,
          `    :set Count ($Count + [ :len $Input ]);`,
          `  }`,
        );
        break;
      case 1:
        lines.push(
          `  :foreach Item in=[ :toarray $Input ] do={`,
          `    :if ([ $${used[0] ?? "LogPrint"} $Item ] = true) do={`,
          `      :set Count ($Count + 1);`,
          `    }`,
          `  }`,
        );
        break;
      case 2:
        lines.push(
          `  :onerror Err {`,
          `    :local Value [ ${pick(MENUS)} ];`,
          `    :set Input ($Input . "," . [ :tostr $Value ]);`,
          `  } do={`,
          `    $LogPrint debug $0 ("Reading failed: " . $Err);`,
          `    :return false;`,
          `  }`,
        );
        break;
      case 3:
        lines.push(
          `  :local Result ({});`,
          `  :for I from=1 to=$Count do={`,
          `    :set ($Result->("item-" . $I)) [ :pick $Input 0 $I ];`,
          `  }`,
          `  :if ([ :typeof ($Result->"item-1") ] = "nothing") do={ :return $Result; }`,
        );
        break;
      default:
        lines.push(
          `  :while ($Count > 0 && [ :len $Input ] > 0) do={`,
          `    :set Count ($Count - 1);`,
          `    :set Input [ :pick $Input 1 [ :len $Input ] ];`,
          `  }`,
        );
    }
    lines.push("");
  }
  lines.push(`  :return ([ :tostr $Count ] . " " . $Input);`, "}", "");
  return lines.join("\n");
}

/**
 * A library of global functions, the shape of the large scripts people keep on routers (a list of `:global` names,
 * then `:set Name do={...}` bodies calling each other): at least `minBytes` characters, the same for the same seed.
 */
export function generateFunctionLibrary(minBytes: number, seed = 7): string {
  const random = rng(seed);
  const names: string[] = [];
  for (const verb of VERBS) for (const noun of NOUNS) names.push(`${verb}${noun}`);
  const header = [
    "#!rsc by RouterOS",
    "# RouterOS script: a generated function library",
    "",
    ":local ScriptName [ :jobname ];",
    ":global LibraryReady false;",
    ":global LogPrint;",
  ];
  const bodies: string[] = [];
  let size = 0;
  for (let i = 0; size < minBytes; i++) {
    const name = names[i % names.length] + (i >= names.length ? String(Math.floor(i / names.length)) : "");
    header.push(`:global ${name};`);
    const body = functionBody(name, names, random);
    bodies.push(body);
    size += body.length + name.length + 10;
  }
  return [...header, "", ...bodies, ":set LibraryReady true;", ""].join("\n");
}
