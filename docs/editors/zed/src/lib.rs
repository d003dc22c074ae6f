// The Zed extension's one job: start `rsc lsp --stdio` (found on the worktree's PATH) for RouterOS files.
use zed_extension_api::{self as zed, LanguageServerId, Result};

struct RouterOsExtension;

impl zed::Extension for RouterOsExtension {
    fn new() -> Self {
        RouterOsExtension
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let command = worktree
            .which("rsc")
            .ok_or_else(|| "rsc is not on PATH: install it with npm install -g routeros-mqtt".to_string())?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".into(), "--stdio".into()],
            env: Default::default(),
        })
    }
}

zed::register_extension!(RouterOsExtension);
