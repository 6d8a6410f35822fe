//! `--lsp`: a scripted LSP client drives the binary over stdio: initialize, open a file
//! whose unsaved text has a leak, receive the diagnostic at the right range (UTF-16
//! columns), ask for code actions, apply the quick fix, send the new text, receive an empty
//! list, shut down and exit.

use std::io::{BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use lsp_server::{Message, Notification, Request, RequestId};
use lsp_types::{Position, Range};
use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_cargo-leaklint");

/// The unsaved text: the label "channel created here" follows a comment with a character
/// outside the BMP (two UTF-16 units) and one of two UTF-8 bytes.
const LEAK: &str = "\
use std::sync::mpsc;
fn f() {
    let (tx, rx) = /* é😀 */ mpsc::channel::<u32>();
    let t = tx.clone();
    std::thread::spawn(move || t.send(1).unwrap());
    for v in rx {
        println!(\"{v}\");
    }
}
";

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: mpsc::Receiver<Message>,
    next_id: i32,
}

impl Client {
    fn start(dir: &std::path::Path) -> Client {
        let mut child = Command::new(BIN)
            .args(["--lsp", "."])
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Ok(Some(m)) = Message::read(&mut reader) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 1,
        }
    }

    fn send(&mut self, m: Message) {
        m.write(&mut self.stdin).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(Message::Notification(Notification::new(
            method.into(),
            params,
        )));
    }

    /// Sends a request and returns its result, skipping notifications.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = RequestId::from(self.next_id);
        self.next_id += 1;
        self.send(Message::Request(Request::new(
            id.clone(),
            method.into(),
            params,
        )));
        loop {
            if let Message::Response(r) = self.receive() {
                assert_eq!(r.id, id);
                assert!(r.error.is_none(), "{:?}", r.error);
                return r.result.unwrap_or(Value::Null);
            }
        }
    }

    fn receive(&mut self) -> Message {
        self.incoming
            .recv_timeout(Duration::from_secs(30))
            .expect("no message from the server within 30 s")
    }

    /// The next `publishDiagnostics` for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            if let Message::Notification(n) = self.receive() {
                if n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri {
                    return n.params["diagnostics"].as_array().unwrap().clone();
                }
            }
        }
    }
}

fn range(v: &Value) -> Range {
    serde_json::from_value(v.clone()).unwrap()
}

fn pos(line: u32, character: u32) -> Position {
    Position::new(line, character)
}

/// Applies LSP text edits (UTF-16 positions) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let mut edits: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let r = range(&e["range"]);
            let at = |p: Position| leaklint::lsp::convert::offset(text, p);
            (
                at(r.start),
                at(r.end),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort();
    let mut out = text.to_string();
    for (start, end, new) in edits.into_iter().rev() {
        out.replace_range(start..end, &new);
    }
    out
}

#[test]
fn round_trip_open_diagnose_fix_change_shutdown() {
    let dir = tempfile::tempdir().unwrap();
    let dir_path = dir.path().canonicalize().unwrap();
    // On disk the file is harmless: the server must lint the unsaved text.
    std::fs::write(dir_path.join("a.rs"), "fn f() {}\n").unwrap();
    let uri = leaklint::lsp::convert::path_to_uri(&dir_path.join("a.rs"))
        .unwrap()
        .as_str()
        .to_string();
    let mut client = Client::start(&dir_path);

    let init = client.request("initialize", json!({"capabilities": {}, "processId": null}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "leaklint");
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "rust", "version": 1, "text": LEAK}}),
    );

    let found = client.diagnostics(&uri);
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert_eq!(d["code"], "leaklint::sender_alive_in_recv_loop");
    assert_eq!(d["source"], "leaklint");
    assert_eq!(d["severity"], 1);
    assert_eq!(range(&d["range"]), Range::new(pos(5, 4), pos(5, 15)));
    let href = d["codeDescription"]["href"].as_str().unwrap();
    assert!(href.starts_with("file://") && href.ends_with("/lints/sender_alive_in_recv_loop.md"));
    let doc = std::fs::read_to_string(href.trim_start_matches("file://")).unwrap();
    assert!(doc.starts_with("# sender_alive_in_recv_loop"));
    let related = d["relatedInformation"].as_array().unwrap();
    let created = related
        .iter()
        .find(|r| r["message"] == "channel created here")
        .unwrap();
    // `    let (tx, rx) = /* é😀 */ ` is 29 UTF-16 units (28 chars, 32 bytes).
    assert_eq!(
        range(&created["location"]["range"]),
        Range::new(pos(2, 29), pos(2, 51))
    );
    assert_eq!(created["location"]["uri"], uri.as_str());

    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 5, "character": 6}, "end": {"line": 5, "character": 6}},
            "context": {"diagnostics": found},
        }),
    );
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    assert_eq!(actions[0]["title"], "drop `tx` before the loop");
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["isPreferred"], true);
    let edits = actions[0]["edit"]["changes"][&uri].as_array().unwrap();
    let fixed = apply(LEAK, edits);
    assert!(
        fixed.contains("    drop(tx);\n    for v in rx {"),
        "{fixed}"
    );

    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());

    // A code action request away from any diagnostic has nothing to offer.
    let none = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": []},
        }),
    );
    assert_eq!(none, json!([]));

    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    let status = client.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let dir_path = dir.path().canonicalize().unwrap();
    std::fs::write(dir_path.join("a.rs"), LEAK).unwrap();
    // A file that is not one of the PATHs given is linted alone.
    let other = dir_path.join("sub");
    std::fs::create_dir(&other).unwrap();
    let uri = leaklint::lsp::convert::path_to_uri(&dir_path.join("new.rs"))
        .unwrap()
        .as_str()
        .to_string();
    let mut client = Client::start(&other);
    client.request("initialize", json!({"capabilities": {}}));
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "rust", "version": 1, "text": LEAK}}),
    );
    assert_eq!(client.diagnostics(&uri).len(), 1);
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());
    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    assert_eq!(client.child.wait().unwrap().code(), Some(0));
}
