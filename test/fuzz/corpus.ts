// The seeds the fuzzer starts from: the project's own scripts, profiles and payloads, plus generated ones.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { generateScript } from "../support/generateScript";
import { fromRoot } from "../support/paths";

function filesUnder(dir: string, extension: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const f of filesUnder(path, extension)) out.push(f);
    else if (name.endsWith(extension)) out.push(path);
  }
  return out;
}

export interface Corpus {
  readonly scripts: readonly string[];
  readonly profiles: readonly string[];
  readonly payloads: readonly string[];
}

/** Telemetry as routers publish it, and the shapes that break hand-built JSON. */
const PAYLOADS = [
  '{"model":"C53UiG+5HPaxD2HPaxD","sn":"HF50A3B7C1D","ros":"7.18.2","cpu":3,"umem":261480448,"uptime":"1w2d03:04:05"}',
  '{"rx-byte":18446744073709551615,"tx":1.5e3,"up":true,"name":"ether1","list":[1,2,{"a":null}]}',
  '{"cpu":,"mem":12}',
  '{"msg":"say "hi""}',
  "[1,2,3]",
  "42",
  "1d2h3m",
  "plain text with é and 😀",
  "",
  '{"a":"\\ud83d"}',
];

export function loadCorpus(): Corpus {
  const scripts = [
    ...filesUnder(fromRoot("test", "fixtures", "parser"), ".rsc"),
    ...filesUnder(fromRoot("test", "fixtures", "interpreter"), ".rsc"),
    ...filesUnder(fromRoot("examples"), ".rsc"),
  ].map((f) => readFileSync(f, "utf8"));
  scripts.push(generateScript(3000, 11));
  const profiles = [
    readFileSync(fromRoot("server", "src", "interpreter", "device", "default-profile.json"), "utf8"),
    '{"extends":"default","/system/resource":{"cpu-load":55}}',
    '{"/interface":[{"name":"ether1","type":"ether","running":true},{"name":"wlan1","disabled":true}]}',
  ];
  return { scripts, profiles, payloads: PAYLOADS };
}
