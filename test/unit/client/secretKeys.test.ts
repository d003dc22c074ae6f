// SecretStorage key naming: per scope and workspace, collision-free names, and what moves or is copied on rename, duplicate and scope change.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  secretKey,
  secretTransfers,
  workspaceIdOf,
  type SecretOwner,
} from "../../../client/src/brokers/secretKeys";

const WS = "0123456789abcdef";

const KEY_CASES: Array<[owner: SecretOwner, kind: "password" | "passphrase", expected: string]> = [
  [{ scope: "user", name: "home" }, "password", "routerosMqtt.v1/user/home/password"],
  [{ scope: "user", name: "home" }, "passphrase", "routerosMqtt.v1/user/home/passphrase"],
  [
    { scope: "workspace", name: "home", workspaceId: WS },
    "password",
    `routerosMqtt.v1/workspace/${WS}/home/password`,
  ],
  [{ scope: "user", name: "a/b" }, "password", "routerosMqtt.v1/user/a%2Fb/password"],
  [{ scope: "user", name: "lab broker" }, "password", "routerosMqtt.v1/user/lab%20broker/password"],
];

for (const [owner, kind, expected] of KEY_CASES) {
  test(`secret key of ${owner.scope}/${owner.name}/${kind}`, () =>
    assert.equal(secretKey(owner, kind), expected));
}

test("names that could collide do not", () => {
  const keys = ["a/b", "a", "a%2Fb", "b/password", "a/b/password"].map((name) =>
    secretKey({ scope: "user", name }, "password"),
  );
  assert.equal(new Set(keys).size, keys.length);
});

test("a workspace broker needs a workspace id", () => {
  assert.throws(() => secretKey({ scope: "workspace", name: "x" }, "password"), /has no workspace id/);
});

test("workspace ids are stable and differ per workspace", () => {
  assert.equal(workspaceIdOf("file:///a"), workspaceIdOf("file:///a"));
  assert.notEqual(workspaceIdOf("file:///a"), workspaceIdOf("file:///b"));
  assert.match(workspaceIdOf("file:///a"), /^[0-9a-f]{16}$/);
});

const TRANSFER_CASES: Array<
  [title: string, from: SecretOwner, to: SecretOwner, mode: "move" | "copy", expected: string[]]
> = [
  [
    "rename moves both secrets",
    { scope: "user", name: "old" },
    { scope: "user", name: "new" },
    "move",
    ["password user/old -> user/new delete", "passphrase user/old -> user/new delete"],
  ],
  [
    "duplicate copies both secrets",
    { scope: "user", name: "a" },
    { scope: "user", name: "a copy" },
    "copy",
    ["password user/a -> user/a%20copy keep", "passphrase user/a -> user/a%20copy keep"],
  ],
  [
    "moving to workspace settings moves them",
    { scope: "user", name: "a" },
    { scope: "workspace", name: "a", workspaceId: WS },
    "move",
    [`password user/a -> workspace/${WS}/a delete`, `passphrase user/a -> workspace/${WS}/a delete`],
  ],
  ["same owner: nothing to do", { scope: "user", name: "a" }, { scope: "user", name: "a" }, "move", []],
];

for (const [title, from, to, mode, expected] of TRANSFER_CASES) {
  test(`secret transfers: ${title}`, () => {
    const short = (key: string) =>
      key.replace("routerosMqtt.v1/", "").replace(/\/(password|passphrase)$/, "");
    assert.deepEqual(
      secretTransfers(from, to, mode).map(
        (t) => `${t.kind} ${short(t.from)} -> ${short(t.to)} ${t.deleteSource ? "delete" : "keep"}`,
      ),
      expected,
    );
  });
}
