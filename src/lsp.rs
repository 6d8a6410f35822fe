//! `--lsp`: a language server over stdio (`lsp-server` for the protocol, `lsp-types` for
//! the messages).
//!
//! The server lints what the command line would (the cargo workspace found from the current
//! directory, or the PATHs given), with the same levels. When a document is opened, changed
//! (full-text sync) or saved, the unit that holds it (its package, or in path mode every
//! file given) is linted again with the unsaved text of every open document of that unit,
//! through [`engine::run_with_texts`]; the other files are read from disk. Crate-wide facts
//! make the unit the sound granularity: a field read in another file can settle a finding.
//! Diagnostics are then published for every open document of the unit. A document outside
//! the files discovered at start-up is linted as a unit of its own.
//!
//! What is published: the lint code (`leaklint::NAME`), a `codeDescription` link to the
//! lint's document (`file://` URIs of copies written at start-up to
//! `$TMPDIR/leaklint-VERSION/lints/NAME.md`, so that the text matches the running
//! version), labels as related information, notes and help as lines of the message.
//! Syntax errors are not published (the editor's own parser shows them as one types). Code
//! actions: one quick fix per suggestion, machine-applicable ones marked preferred.
//! Positions are UTF-16, LSP's default encoding.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, Request as _};
use lsp_types::{
    CodeActionOptions, CodeActionOrCommand, CodeActionParams, CodeActionProviderCapability,
    InitializeResult, PositionEncodingKind, PublishDiagnosticsParams, SaveOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, Uri,
};

use crate::config::Levels;
use crate::diagnostic::{Diagnostic, Origin};
use crate::engine::{self, EngineOptions, InputFile};
use crate::lints::LINTS;

pub mod convert;

/// An open document.
struct Document {
    text: String,
    /// The path the engine knows it by ([`InputFile::path`]), or its own path when it is not
    /// one of the files discovered at start-up.
    path: PathBuf,
    /// Index in [`Server::files`].
    file: Option<usize>,
}

/// The state of the server: what to lint, the open documents, and the code actions of the
/// last diagnostics published for each.
pub struct Server {
    files: Vec<InputFile>,
    levels: Vec<Levels>,
    options: EngineOptions,
    /// Canonical path → index in `files`.
    index: HashMap<PathBuf, usize>,
    open: HashMap<Uri, Document>,
    actions: HashMap<Uri, Vec<(lsp_types::Diagnostic, Vec<lsp_types::CodeAction>)>>,
    links: HashMap<&'static str, Uri>,
}

impl Server {
    /// A server over the files and levels a run of the command line would use.
    pub fn new(files: Vec<InputFile>, levels: Vec<Levels>, options: EngineOptions) -> Server {
        let index = files
            .iter()
            .enumerate()
            .filter_map(|(i, f)| Some((std::fs::canonicalize(&f.path).ok()?, i)))
            .collect();
        Server {
            files,
            levels,
            options,
            index,
            open: HashMap::new(),
            actions: HashMap::new(),
            links: write_lint_docs(&std::env::temp_dir()),
        }
    }

    /// `textDocument/didOpen`, `didChange` and `didSave` (with text): the document's text is
    /// now `text`. Returns the diagnostics to publish.
    pub fn update(&mut self, uri: Uri, text: String) -> Vec<PublishDiagnosticsParams> {
        self.set_text(uri.clone(), text);
        self.lint(&uri)
    }

    /// Stores the text of a document without linting it.
    pub fn set_text(&mut self, uri: Uri, text: String) {
        if let Some(doc) = self.open.get_mut(&uri) {
            doc.text = text;
            return;
        }
        let own = convert::uri_to_path(&uri);
        let file = own
            .as_ref()
            .and_then(|p| std::fs::canonicalize(p).ok())
            .and_then(|p| self.index.get(&p).copied());
        let path = match file {
            Some(i) => self.files[i].path.clone(),
            None => own.unwrap_or_else(|| PathBuf::from(uri.as_str())),
        };
        self.open.insert(uri, Document { text, path, file });
    }

    /// `textDocument/didClose`: forget the document and clear its diagnostics.
    pub fn close(&mut self, uri: &Uri) -> Vec<PublishDiagnosticsParams> {
        self.open.remove(uri);
        self.actions.remove(uri);
        vec![PublishDiagnosticsParams::new(uri.clone(), Vec::new(), None)]
    }

    /// Lints the unit of the open document `uri` with the text of every open document, and
    /// returns the diagnostics of each open document of that unit.
    pub fn lint(&mut self, uri: &Uri) -> Vec<PublishDiagnosticsParams> {
        let Some(doc) = self.open.get(uri) else {
            return Vec::new();
        };
        let (inputs, shown): (Vec<InputFile>, Vec<Uri>) = match doc.file {
            Some(i) => {
                let unit = self.files[i].unit;
                let inputs = self
                    .files
                    .iter()
                    .filter(|f| f.unit == unit)
                    .cloned()
                    .collect();
                let shown = self
                    .open
                    .iter()
                    .filter(|(_, d)| d.file.is_some_and(|j| self.files[j].unit == unit))
                    .map(|(u, _)| u.clone())
                    .collect();
                (inputs, shown)
            }
            None => (vec![self.alone(doc)], vec![uri.clone()]),
        };
        let texts: HashMap<PathBuf, String> = shown
            .iter()
            .map(|u| (self.open[u].path.clone(), self.open[u].text.clone()))
            .collect();
        let levels: &[Levels] = match doc.file {
            Some(_) => &self.levels,
            None => &self.levels[..self.levels.len().min(1)],
        };
        let outcome = engine::run_with_texts(&inputs, levels, &self.options, &texts);
        let mut by_path: HashMap<&Path, Vec<&Diagnostic>> = HashMap::new();
        for d in &outcome.diagnostics {
            if !matches!(
                d.origin,
                Origin::Tool {
                    code: "syntax_error"
                }
            ) {
                by_path.entry(d.file.path()).or_default().push(d);
            }
        }
        shown
            .into_iter()
            .map(|u| {
                let found = by_path
                    .remove(self.open[&u].path.as_path())
                    .unwrap_or_default();
                self.publish(u, &found)
            })
            .collect()
    }

    /// A document that is not one of the files discovered at start-up, as a unit of its own.
    fn alone(&self, doc: &Document) -> InputFile {
        InputFile {
            path: doc.path.clone(),
            display: doc.path.to_string_lossy().into_owned(),
            unit: 0,
            package: None,
            is_test_target: crate::discover::in_test_dir(&doc.path),
            levels: 0,
            named: true,
            context: false,
        }
    }

    /// Converts and remembers (for code actions) the diagnostics of one document.
    fn publish(&mut self, uri: Uri, found: &[&Diagnostic]) -> PublishDiagnosticsParams {
        let shown: Vec<(lsp_types::Diagnostic, Vec<lsp_types::CodeAction>)> = found
            .iter()
            .map(|d| {
                let shown = convert::diagnostic(d, &uri, &self.links);
                let actions = convert::code_actions(d, &shown, &uri);
                (shown, actions)
            })
            .collect();
        let diagnostics = shown.iter().map(|(d, _)| d.clone()).collect();
        self.actions.insert(uri.clone(), shown);
        PublishDiagnosticsParams::new(uri, diagnostics, None)
    }

    /// `textDocument/codeAction`: the quick fixes of the diagnostics published last for the
    /// document whose range meets the requested one.
    pub fn code_actions(&self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let Some(published) = self.actions.get(&params.text_document.uri) else {
            return Vec::new();
        };
        let wanted = params.range;
        published
            .iter()
            .filter(|(d, _)| d.range.start <= wanted.end && wanted.start <= d.range.end)
            .flat_map(|(_, actions)| actions.iter().cloned().map(CodeActionOrCommand::CodeAction))
            .collect()
    }
}

/// Writes each lint's document to `DIR/leaklint-VERSION/lints/NAME.md` and returns their
/// `file://` URIs by lint name; lints whose document could not be written have no link.
fn write_lint_docs(dir: &Path) -> HashMap<&'static str, Uri> {
    let dir = dir
        .join(format!("leaklint-{}", env!("CARGO_PKG_VERSION")))
        .join("lints");
    if std::fs::create_dir_all(&dir).is_err() {
        return HashMap::new();
    }
    LINTS
        .iter()
        .filter_map(|lint| {
            let path = dir.join(format!("{}.md", lint.name));
            let current = std::fs::read_to_string(&path).is_ok_and(|t| t == lint.doc);
            if !current {
                std::fs::write(&path, lint.doc).ok()?;
            }
            let path = std::fs::canonicalize(&path).ok()?;
            Some((lint.name, convert::path_to_uri(&path)?))
        })
        .collect()
}

/// What the server tells the client at `initialize`.
fn capabilities() -> InitializeResult {
    InitializeResult {
        capabilities: ServerCapabilities {
            position_encoding: Some(PositionEncodingKind::UTF16),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::FULL),
                    save: Some(
                        SaveOptions {
                            include_text: Some(true),
                        }
                        .into(),
                    ),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![lsp_types::CodeActionKind::QUICKFIX]),
                ..CodeActionOptions::default()
            })),
            ..ServerCapabilities::default()
        },
        server_info: Some(ServerInfo {
            name: "leaklint".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    }
}

type Error = Box<dyn std::error::Error + Send + Sync>;

/// Serves on stdin and stdout until the client says `exit`; the exit status (0 after a
/// `shutdown`, 1 on a protocol or I/O error, reported on stderr).
pub fn serve_stdio(server: Server) -> i32 {
    let (connection, io_threads) = Connection::stdio();
    let result = serve(&connection, server);
    drop(connection);
    let joined = io_threads.join();
    match result.and(joined.map_err(Error::from)) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: leaklint's language server stopped: {e}");
            1
        }
    }
}

/// The server's loop on a connection: `initialize`, then messages until `shutdown`. The
/// messages waiting at once are handled as a batch: every text change first, then one lint
/// per changed document, then the requests in order.
pub fn serve(connection: &Connection, mut server: Server) -> Result<(), Error> {
    let (id, _params) = connection.initialize_start()?;
    connection.initialize_finish(id, serde_json::to_value(capabilities())?)?;
    while let Ok(first) = connection.receiver.recv() {
        let batch: Vec<Message> = std::iter::once(first)
            .chain(connection.receiver.try_iter())
            .collect();
        let mut changed: Vec<Uri> = Vec::new();
        let mut requests: Vec<Request> = Vec::new();
        for message in batch {
            match message {
                Message::Notification(n) => {
                    for p in notification(&mut server, n, &mut changed) {
                        send(connection, PublishDiagnostics::METHOD, p)?;
                    }
                }
                Message::Request(r) => requests.push(r),
                Message::Response(_) => {}
            }
        }
        // The last change of each document decides; each is linted once.
        let mut once: Vec<Uri> = Vec::new();
        for uri in changed.into_iter().rev() {
            if !once.contains(&uri) {
                once.push(uri);
            }
        }
        for uri in once {
            for p in server.lint(&uri) {
                send(connection, PublishDiagnostics::METHOD, p)?;
            }
        }
        for request in requests {
            if connection.handle_shutdown(&request)? {
                return Ok(());
            }
            connection
                .sender
                .send(Message::Response(respond(&server, request)))?;
        }
    }
    Ok(())
}

/// Applies a notification: a new text is stored and its document marked `changed`; a
/// closed document's diagnostics are cleared at once (returned).
fn notification(
    server: &mut Server,
    n: Notification,
    changed: &mut Vec<Uri>,
) -> Vec<PublishDiagnosticsParams> {
    let mut set_text = |uri: Uri, text: String| {
        server.set_text(uri.clone(), text);
        changed.push(uri);
    };
    match n.method.as_str() {
        DidOpenTextDocument::METHOD => {
            if let Ok(p) = serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
            {
                set_text(p.text_document.uri, p.text_document.text);
            }
        }
        DidChangeTextDocument::METHOD => {
            if let Ok(p) =
                serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
            {
                // Full sync: the last change holds the whole text.
                if let Some(change) = p.content_changes.into_iter().last() {
                    set_text(p.text_document.uri, change.text);
                }
            }
        }
        DidSaveTextDocument::METHOD => {
            if let Ok(p) = serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(n.params)
            {
                match p.text {
                    Some(text) => set_text(p.text_document.uri, text),
                    None => changed.push(p.text_document.uri),
                }
            }
        }
        DidCloseTextDocument::METHOD => {
            if let Ok(p) = serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
            {
                changed.retain(|u| *u != p.text_document.uri);
                return server.close(&p.text_document.uri);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// The response to a request: code actions, or "method not found".
fn respond(server: &Server, request: Request) -> Response {
    if request.method == CodeActionRequest::METHOD {
        return match serde_json::from_value::<CodeActionParams>(request.params) {
            Ok(params) => Response::new_ok(request.id, server.code_actions(&params)),
            Err(e) => Response::new_err(
                request.id,
                lsp_server::ErrorCode::InvalidParams as i32,
                e.to_string(),
            ),
        };
    }
    Response::new_err(
        request.id,
        lsp_server::ErrorCode::MethodNotFound as i32,
        format!("leaklint does not handle `{}`", request.method),
    )
}

fn send(connection: &Connection, method: &str, params: impl serde::Serialize) -> Result<(), Error> {
    let n = Notification::new(method.to_string(), params);
    connection.sender.send(Message::Notification(n))?;
    Ok(())
}
