// Text from outside made inert: a notification finds no link in it (VS Code's own link pattern), markdown values are escaped character by character, labels show `$(…)` as typed.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  labelText,
  markdown,
  markdownEscape,
  markdownFormat,
  notificationText,
} from "../../../client/src/ui/safeText";

/** VS Code 1.100's notification link pattern (`vs/base/common/linkedText.ts`, `parseLinkedText`), as the workbench runs it. */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

/** What the notification renders: newlines become spaces first, as the workbench does. */
function links(message: string): string[] {
  return [...message.replace(/(\r\n|\n|\r)/gm, " ").matchAll(NOTIFICATION_LINK)].map((m) => m[2] ?? "");
}

const HOSTILE = [
  '[Fix the broker](command:routerosMqtt.editBroker?{"name":"home","changes":{"address":"evil.example"}})',
  "CN=localhost, O=[Click](command:routerosMqtt.showLog)",
  "[a](https://evil.example) and [b](file:///etc/passwd)",
  '[t](command:x "a title")',
  "[nested [x](command:y)]",
  "]]]((([x](command:z)",
];

test("notificationText: no link survives, and the text reads the same without the zero-width spaces", () => {
  for (const text of HOSTILE) {
    assert.ok(links(text).length > 0, `the fixture is a link to VS Code: ${text}`);
    const safe = notificationText(text);
    assert.deepEqual(links(safe), [], safe);
    assert.equal(safe.replace(/\u200B/g, ""), text);
  }
});

test("notificationText: a link split across two values and a template is broken too", () => {
  const message = notificationText(`topic "${"[Open"}](" + "${"command:x)"}" failed`);
  assert.deepEqual(links(message), []);
});

test("notificationText leaves text without `](` alone", () => {
  for (const text of ["TLS: the certificate (CN=x) expired", "a [b] c (d)", "plain (text)"]) {
    assert.equal(notificationText(text), text);
  }
});

test("markdownEscape: every character markdown, autolinks, entities or icons use gets a backslash", () => {
  const cases: Array<[string, string]> = [
    ["[x](command:y)", "\\[x\\]\\(command\\:y\\)"],
    ["https://evil.example", "https\\://evil\\.example"],
    ["www.evil.example", "www\\.evil\\.example"],
    ["me@evil.example", "me\\@evil\\.example"],
    [
      "$(zap) **bold** _i_ `code` <img src=x>",
      "\\$\\(zap\\) \\*\\*bold\\*\\* \\_i\\_ \\`code\\` \\<img src\\=x\\>",
    ],
    ["&#x5b; # heading | table ~strike~ !image", "\\&\\#x5b; \\# heading \\| table \\~strike\\~ \\!image"],
    ["a\\b", "a\\\\b"],
    ["plain words 42", "plain words 42"],
  ];
  for (const [input, expected] of cases) assert.equal(markdownEscape(input), expected, input);
});

test("markdown`…` escapes the values and keeps the template's own markup", () => {
  const topic = "[x](command:y)";
  assert.equal(
    markdown`**${topic}** on "${"home"}", ${3} held\n\n`,
    '**\\[x\\]\\(command\\:y\\)** on "home", 3 held\n\n',
  );
});

test("labelText shows $(icon) as typed", () => {
  assert.equal(labelText("$(zap) broker $(x)"), "\\$(zap) broker \\$(x)");
  assert.equal(labelText("price $5 (each)"), "price $5 (each)");
});

test("markdownFormat: a localized template's {n} become the escaped values; its own markup stays", () => {
  assert.equal(
    markdownFormat('**{0}** on broker "{1}", {2} held\n\n', "a*b", "[x](command:y)", 3),
    '**a\\*b** on broker "\\[x\\]\\(command\\:y\\)", 3 held\n\n',
  );
  assert.equal(markdownFormat("{1} before {0}", "a", "b"), "b before a");
  assert.equal(markdownFormat("no value for {3}", "a"), "no value for {3}");
});
