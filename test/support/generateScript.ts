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
