// Shortcuts for the extension-host tests: what the forms, pickers and confirmations would end in, without them. Only in development builds run in test mode; the packaged extension has none of it (esbuild drops this module, check-package.mjs looks for the marker).
import { brokerAddCommand } from "../brokers/brokerCommand";
import { profileToSettings, settingsToProfile } from "../brokers/brokerSettings";
import type { BrokerScope } from "../brokers/secretKeys";
import type { BrokerTestHooks } from "./api";
import { applyBrokerEdit, deleteBroker } from "./brokerCommands";
import { importableBrokers, saveImportedBrokers, type ImportSummary } from "./importCommands";
import type { Services } from "./services";
import type { TopicCommands } from "./topicCommands";
import * as vscode from "vscode";

/** In the development bundle only: check-package.mjs fails a VSIX whose client bundle contains it. */
export const TEST_HOOKS_MARKER = "routerosMqtt test hooks";

export function createTestHooks(services: Services, topics: TopicCommands): BrokerTestHooks {
  const { repository } = services;
  const profileOf = (name: string) => {
    const profile = repository.get(name)?.profile;
    if (!profile) throw new Error(`no usable broker named "${name}"`);
    return profile;
  };
  const log = (what: string): void => services.log.info(`${TEST_HOOKS_MARKER}: ${what}`);
  return {
    async addBroker({ broker, scope = "user", password, passphrase }) {
      log("addBroker");
      const read = settingsToProfile(broker, "the new broker");
      if (!read.profile || read.problems.length > 0)
        throw new Error(read.problems.map((p) => p.message).join("; ") || "the broker has no name");
      await repository.add(read.profile, scope, { password, passphrase });
      return read.profile.name;
    },
    async editBroker(name, changes) {
      log("editBroker");
      const entry = repository.get(name);
      const read = settingsToProfile(
        { ...profileToSettings(profileOf(name)), ...changes },
        `broker "${name}"`,
      );
      if (!entry || !read.profile || read.problems.length > 0)
        throw new Error(read.problems.map((p) => p.message).join("; "));
      await applyBrokerEdit(services, name, { profile: read.profile, scope: entry.scope });
      return read.profile.name;
    },
    async removeBroker(name) {
      log("removeBroker");
      await deleteBroker(services, name);
    },
    async setPassword(name, password) {
      log("setPassword");
      const owner = repository.ownerOf(name);
      if (!owner) throw new Error(`no broker named "${name}"`);
      await repository.secrets.set(owner, "password", password);
    },
    async copyWithPassword(name) {
      log("copyWithPassword");
      const password = await repository.secrets.getPassword(name);
      return brokerAddCommand(profileOf(name), password !== undefined ? { password } : {});
    },
    async importText(text: string, scope: BrokerScope = "user"): Promise<ImportSummary> {
      log("importText");
      return saveImportedBrokers(services, importableBrokers(text).usable, scope, () => false);
    },
    async clearRetained(broker, topic) {
      log("clearRetained");
      await services.manager.publish(broker, topic, Buffer.alloc(0), { qos: 1, retain: true, force: false });
    },
    async clearRetainedBelow(broker, path) {
      log("clearRetainedBelow");
      const node = services.tree.nodeOfTopic(broker, path) ?? services.tree.levelNode(broker, path);
      if (!node) throw new Error(`no row of "${path}" on broker "${broker}"`);
      return topics.clearBelowConfirmed(node);
    },
    async exportToFile(args, path) {
      log("exportToFile");
      return topics.exportToFile(args, vscode.Uri.file(path));
    },
  };
}
