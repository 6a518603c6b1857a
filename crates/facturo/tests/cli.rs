//! The `facturo` binary, driven as an operator would: migrate, create a user, serve, stop with
//! SIGTERM, two processes sharing one database's job queue, and the ANAF simulator.

#![allow(clippy::unwrap_used)]

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use server::testing::{SmtpSink, TestDb};

const BIN: &str = env!("CARGO_BIN_EXE_facturo");

fn http() -> reqwest::Client {
    anaf::install_crypto_provider();
    reqwest::Client::new()
}

/// A port nothing listens on right now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `facturo` with the test's database and data directory.
fn facturo(db: &TestDb) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("FACTURO_DATABASE_URL", &db.url)
        .env("FACTURO_DATA_DIR", db.dir.join("data"))
        .env("FACTURO_LOG", "info");
    cmd
}

/// A `facturo serve` process, killed when dropped; its log goes to a file.
struct Serving {
    child: Child,
    url: String,
    log: std::path::PathBuf,
}

impl Serving {
    async fn start(mut cmd: Command) -> Serving {
        let port = free_port();
        let log = std::env::temp_dir().join(format!(
            "facturo-serve-{port}-{}.log",
            uuid::Uuid::now_v7().simple()
        ));
        let child = cmd
            .arg("serve")
            .env("FACTURO_LISTEN", format!("127.0.0.1:{port}"))
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let url = format!("http://127.0.0.1:{port}");
        let http = http();
        let deadline = Instant::now() + Duration::from_secs(30);
        while http.get(format!("{url}/health")).send().await.is_err() {
            assert!(Instant::now() < deadline, "the server did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Serving { child, url, log }
    }

    fn terminate(&self) {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    }

    /// Sends SIGTERM and waits for the exit, returning the status and the log. Waits without
    /// blocking the runtime: the simulators and the SMTP sink of the test run on it.
    async fn stop(mut self) -> (std::process::ExitStatus, String) {
        self.terminate();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return (
                    status,
                    std::fs::read_to_string(&self.log).unwrap_or_default(),
                );
            }
            assert!(
                Instant::now() < deadline,
                "the server did not stop after SIGTERM"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
        }
    }
}

async fn post(url: &str, body: Value) -> (u16, Value) {
    let r = http().post(url).json(&body).send().await.unwrap();
    (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_operator_migrates_creates_an_admin_and_signs_in() {
    let db = TestDb::new().await;
    let out = facturo(&db).arg("migrate").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let create = || {
        facturo(&db)
            .args([
                "user",
                "create",
                "--email",
                "Admin@Firma.ro",
                "--admin",
                "--first-name",
                "Ana",
            ])
            .env("FACTURO_USER_PASSWORD", "parola-admin-1")
            .output()
            .unwrap()
    };
    let out = create();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = create();
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already exists"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    let weak = facturo(&db)
        .args([
            "user",
            "create",
            "--email",
            "x@firma.ro",
            "--password",
            "short",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&weak.stderr).contains("password"));

    let server = Serving::start(facturo(&db)).await;
    let (status, tokens) = post(
        &format!("{}/api/auth", server.url),
        json!({ "email": "admin@firma.ro", "password": "parola-admin-1" }),
    )
    .await;
    assert_eq!(status, 200, "{tokens}");
    let me: Value = http()
        .get(format!("{}/api/v1/me", server.url))
        .bearer_auth(tokens["token"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["roles"], json!(["ROLE_USER", "ROLE_SUPER_ADMIN"]));
    let key = db.dir.join("data").join("jwt-ed25519.pem");
    assert!(
        key.exists(),
        "the signing key was created in the data directory"
    );
    let (status, log) = server.stop().await;
    assert!(status.success(), "{log}");
    assert!(log.contains("facturo stopped"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_lets_in_flight_requests_and_jobs_finish() {
    let db = TestDb::new().await;
    let registry = anaf::sim::RegistrySim::new();
    let (registry_addr, _r) = anaf::sim::spawn(registry.clone()).await.unwrap();
    let mail = SmtpSink::start_slow(Duration::from_millis(1500)).await;
    let mut cmd = facturo(&db);
    cmd.env("FACTURO_ANAF_REGISTRY", format!("http://{registry_addr}"))
        .env("FACTURO_SMTP_URL", mail.url());
    let server = Serving::start(cmd).await;

    // A job in flight: the confirmation e-mail, which the slow SMTP server takes 1.5 s to accept.
    let (status, _) = post(
        &format!("{}/api/auth/register", server.url),
        json!({ "email": "new@firma.ro", "password": "parola-sigura-1" }),
    )
    .await;
    assert_eq!(status, 201);
    let deadline = Instant::now() + Duration::from_secs(20);
    while mail.connections() == 0 {
        assert!(Instant::now() < deadline, "the e-mail job did not start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (status, log) = server.stop().await;
    assert!(status.success(), "{log}");
    assert_eq!(
        mail.mails().len(),
        1,
        "the running job finished before exit"
    );
    let jobs = server::jobs::queue::list(
        &server::store::Db::connect(&db.url, server::store::PoolSize::default())
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    // The periodic jobs (ANAF token refresh and expiry forecast) have their own rows.
    assert_eq!(
        jobs.iter()
            .filter(|j| j.kind == "send_email")
            .map(|j| j.status.as_str())
            .collect::<Vec<_>>(),
        ["done"],
        "{log}"
    );
    let _ = registry;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_waits_for_a_request_in_flight() {
    let db = TestDb::new().await;
    let registry = anaf::sim::RegistrySim::new();
    registry.fail_next(1, anaf::sim::Fault::Slow(Duration::from_millis(1500)));
    let (registry_addr, _r) = anaf::sim::spawn(registry.clone()).await.unwrap();
    let mut cmd = facturo(&db);
    cmd.env("FACTURO_ANAF_REGISTRY", format!("http://{registry_addr}"))
        .env("FACTURO_AUTO_CONFIRM_EMAIL", "1");
    let server = Serving::start(cmd).await;
    post(
        &format!("{}/api/auth/register", server.url),
        json!({ "email": "a@firma.ro", "password": "parola-sigura-1" }),
    )
    .await;
    let (_, tokens) = post(
        &format!("{}/api/auth", server.url),
        json!({ "email": "a@firma.ro", "password": "parola-sigura-1" }),
    )
    .await;
    let token = tokens["token"].as_str().unwrap().to_owned();
    let url = server.url.clone();
    let request = tokio::spawn(async move {
        http()
            .post(format!("{url}/api/v1/companies"))
            .bearer_auth(token)
            .json(&json!({ "cif": 18_547_290 }))
            .send()
            .await
            .map(|r| r.status().as_u16())
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    while registry.requests() == 0 {
        assert!(
            Instant::now() < deadline,
            "the request did not reach the registry"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (status, log) = server.stop().await;
    assert!(status.success(), "{log}");
    assert_eq!(
        request.await.unwrap().unwrap(),
        201,
        "the request in flight was answered"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_share_one_queue_and_no_job_runs_twice_or_is_lost() {
    const JOBS: usize = 120;
    let db = TestDb::new().await;
    let out = facturo(&db).arg("migrate").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = server::store::Db::connect(&db.url, server::store::PoolSize::default())
        .await
        .unwrap();
    let now = server::Clock::now(&server::SystemClock);
    let mut tx = store.begin().await.unwrap();
    for n in 0..JOBS {
        let job = server::jobs::Job::SendEmail(server::mail::Email {
            to: format!("client{n}@firma.ro"),
            subject: format!("job-{n}"),
            text: "x".into(),
        });
        server::jobs::enqueue(&mut tx, &job, now, None, now)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();

    let mail = SmtpSink::start_slow(Duration::from_millis(20)).await;
    let start = |_: usize| {
        let mut cmd = facturo(&db);
        cmd.env("FACTURO_SMTP_URL", mail.url())
            .env("FACTURO_JOB_WORKERS", "3");
        Serving::start(cmd)
    };
    let (a, b) = (start(0).await, start(1).await);
    let mails = mail.wait_for(JOBS, Duration::from_secs(90)).await;
    let (sa, la) = a.stop().await;
    let (sb, lb) = b.stop().await;
    assert!(sa.success() && sb.success(), "{la}\n{lb}");

    let mut subjects: Vec<String> = mails
        .iter()
        .map(|m| {
            m.data
                .lines()
                .find_map(|l| l.strip_prefix("Subject: "))
                .unwrap()
                .to_owned()
        })
        .collect();
    subjects.sort();
    let before = subjects.len();
    subjects.dedup();
    assert_eq!(before, subjects.len(), "no e-mail was sent twice");
    assert_eq!(subjects.len(), JOBS, "no job was lost");
    // The periodic jobs (ANAF token refresh and expiry forecast) have their own rows.
    let jobs = server::jobs::queue::list(&store).await.unwrap();
    let emails: Vec<_> = jobs.iter().filter(|j| j.kind == "send_email").collect();
    assert!(
        emails.len() == JOBS && emails.iter().all(|j| j.status == "done" && j.attempts == 1),
        "{jobs:?}"
    );
    let sent = |log: &str| {
        log.lines()
            .filter(|l| l.contains("job finished") && l.contains("send_email"))
            .count()
    };
    let (ran_a, ran_b) = (sent(&la), sent(&lb));
    assert_eq!(ran_a + ran_b, JOBS);
    assert!(
        ran_a > 0 && ran_b > 0,
        "both processes took jobs: {ran_a} and {ran_b}"
    );
}

/// The README, read from the workspace root.
fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap()
}

/// The text of the README section under `## {title}`, up to the next `## ` heading.
fn readme_section(readme: &str, title: &str) -> String {
    let heading = format!("\n## {title}\n");
    let start = readme
        .find(&heading)
        .unwrap_or_else(|| panic!("README has no '{title}'"))
        + heading.len();
    let end = readme[start..]
        .find("\n## ")
        .map_or(readme.len(), |i| start + i);
    readme[start..end].to_owned()
}

/// The ```sh blocks of a Markdown text, in order.
fn shell_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```sh") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), text) => {
                block.push_str(text);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

/// The README's walkthrough, run by bash with curl and jq exactly as written against a fresh
/// `facturo serve`; only the server's address differs. Issue #2: "a test runs it".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readme_walkthrough_works_as_written() {
    let walkthrough = readme_section(&readme(), "Five-minute walkthrough");
    let blocks = shell_blocks(&walkthrough);
    assert!(
        blocks.len() >= 5,
        "the walkthrough has its steps: {blocks:?}"
    );
    let script = blocks.join("\n");
    const BASE: &str = "BASE=http://127.0.0.1:8900\n";
    assert!(
        script.contains(BASE),
        "the walkthrough sets BASE to the default address"
    );

    let db = TestDb::new().await;
    let mut cmd = facturo(&db);
    cmd.env("FACTURO_AUTO_CONFIRM_EMAIL", "1");
    let server = Serving::start(cmd).await;
    let script = script.replacen(BASE, &format!("BASE={}\n", server.url), 1);
    let out = tokio::process::Command::new("bash")
        .args(["-euo", "pipefail", "-c", &script])
        .output()
        .await
        .expect("bash, curl and jq are installed");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the walkthrough failed:\n{stdout}\n{stderr}"
    );

    // The outputs the README shows are the ones the server gives.
    let issued = r#"{"status":"issued","number":"FCT0001","efacturaDelayHours":null,"scheduledSendAt":null}"#;
    assert!(
        walkthrough.contains(issued) && stdout.contains(issued),
        "{stdout}"
    );
    let paid = r#"{"amountPaid":"500.00","balance":"1435.99","paymentStatus":"partially_paid"}"#;
    assert!(
        walkthrough.contains(paid) && stdout.contains(paid),
        "{stdout}"
    );
    let listed = serde_json::Deserializer::from_str(&stdout)
        .into_iter::<Value>()
        .last()
        .unwrap()
        .unwrap();
    let shown_at = walkthrough.rfind("```json\n").unwrap() + "```json\n".len();
    let shown_end = shown_at + walkthrough[shown_at..].find("```").unwrap();
    let shown: Value = serde_json::from_str(&walkthrough[shown_at..shown_end]).unwrap();
    assert_eq!(
        listed, shown,
        "the list the README shows is what the server answers"
    );
    let (status, log) = server.stop().await;
    assert!(status.success(), "{log}");
}

/// Every `FACTURO_*` variable `facturo serve` reads is in the README's configuration table.
#[test]
fn the_readme_documents_every_setting() {
    let table = readme_section(&readme(), "Configuration");
    let help = Command::new(BIN)
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    let mut names: Vec<&str> = help
        .split("env: ")
        .skip(1)
        .map(|s| s.split(['=', ']']).next().unwrap())
        .collect();
    names.extend(["FACTURO_LOG", "FACTURO_LOG_FORMAT"]);
    assert!(names.len() >= 10, "{help}");
    for name in names {
        assert!(
            table.contains(&format!("| `{name}` |")),
            "{name} is not in the README's table"
        );
    }
}

/// `facturo ubl` turns the JSON model into UBL (here: a writer snapshot read back, so the output
/// must be that snapshot byte for byte), and `facturo validate` reports per file, as a table or
/// JSON, with exit status 1 when any file has an error.
#[test]
fn ubl_and_validate_work_on_files() {
    let dir = server::testing::db::scratch_dir();
    let snapshot = include_str!("../../ubl/tests/ubl/snapshots/standard_invoice.xml");
    let model = ubl::read(snapshot.as_bytes()).unwrap().invoice;
    let json = dir.join("invoice.json");
    std::fs::write(&json, serde_json::to_vec_pretty(&model).unwrap()).unwrap();
    let out = Command::new(BIN).arg("ubl").arg(&json).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), snapshot);

    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("a.xml"), snapshot).unwrap();
    std::fs::write(
        docs.join("b.xml"),
        snapshot.replacen(
            &format!("<cbc:ID>{}</cbc:ID>", model.number),
            "<cbc:ID></cbc:ID>",
            1,
        ),
    )
    .unwrap();
    std::fs::write(docs.join("notes.txt"), "not xml, not looked at").unwrap();
    let out = Command::new(BIN)
        .arg("validate")
        .arg(&docs)
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{table}");
    let rows: Vec<&str> = table.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(rows.len(), 2, "{table}");
    assert!(
        rows[0].starts_with("valid ") && rows[0].contains("a.xml"),
        "{table}"
    );
    assert!(
        rows[1].starts_with("INVALID") && rows[1].contains("b.xml"),
        "{table}"
    );
    assert!(table.contains("BR-02"), "no invoice number (BT-1): {table}");

    let out = Command::new(BIN)
        .args(["validate", "--json"])
        .arg(docs.join("a.xml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report[0]["valid"], true);
    assert_eq!(report[0]["ruleSets"], json!(["xsd-ubl", "cius-ro"]));
}

/// `facturo anaf-sim` serves the e-Factura simulator from its flags: a seeded box pages through
/// the real client, and the control API issues tokens; SIGTERM stops it cleanly.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anaf_sim_serves_a_seeded_box_from_its_flags() {
    use anaf::efactura::{EfacturaClient, PageRequest};

    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let child = Command::new(BIN)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .args(["anaf-sim", "--listen", &format!("127.0.0.1:{port}")])
        .args([
            "--taxpayer",
            "RO18547290=Facturo Demo SRL",
            "--grant",
            "ana=18547290",
        ])
        .args(["--seed", "600"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut sim = Serving {
        child,
        url: url.clone(),
        log: std::env::temp_dir().join("facturo-anaf-sim-unused.log"),
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    let clock = loop {
        if let Ok(answer) = http().get(format!("{url}/__sim/clock")).send().await {
            break answer.json::<Value>().await.unwrap();
        }
        assert!(Instant::now() < deadline, "the simulator did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let now = time::OffsetDateTime::from_unix_timestamp_nanos(
        i128::from(clock["millis"].as_i64().unwrap()) * 1_000_000,
    )
    .unwrap();
    let (status, tokens) = post(
        &format!("{url}/__sim/tokens"),
        json!({ "user": "ana", "client_id": "cli" }),
    )
    .await;
    assert_eq!(status, 200);
    let token = tokens["access_token"].as_str().unwrap();

    let client =
        EfacturaClient::with_base_url(&format!("{url}/test/FCTEL/rest/"), Duration::from_secs(10))
            .unwrap();
    let err = client
        .messages(token, 18_547_290, 60, None)
        .await
        .unwrap_err();
    assert!(
        matches!(err, anaf::Error::TooManyMessages { .. }),
        "{err:?}"
    );
    let page = client
        .messages_page(
            token,
            &PageRequest {
                cif: 18_547_290,
                start: now - time::Duration::days(59),
                end: now,
                page: 2,
                filter: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (page.total_messages, page.total_pages, page.on_page),
        (600, 2, 100)
    );

    sim.terminate();
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = sim.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "anaf-sim did not stop after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "{status:?}");
}

/// `facturo license issue` signs with the key given; `verify` checks against the vendor's keys
/// built in, so a licence signed by any other key is refused (exit 1) and says why.
#[test]
fn licences_are_issued_with_a_key_and_verified_against_the_built_in_ones() {
    use ed25519_dalek::pkcs8::EncodePrivateKey;
    let dir = std::env::temp_dir().join(format!("facturo-licence-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let pem = ed25519_dalek::SigningKey::generate(&mut rand::rngs::OsRng)
        .to_pkcs8_pem(ed25519_dalek::pkcs8::spki::der::pem::LineEnding::LF)
        .unwrap();
    let key = dir.join("not-the-vendor.pem");
    std::fs::write(&key, pem.as_bytes()).unwrap();
    let issue = |plan: &str, expires: &str| {
        Command::new(BIN)
            .args([
                "license",
                "issue",
                "--plan",
                plan,
                "--expires",
                expires,
                "--licensee",
                "Firma SRL",
                "--seats",
                "3",
            ])
            .arg("--key")
            .arg(&key)
            .output()
            .unwrap()
    };
    let out = issue("professional", "2099-12-31");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert_eq!(token.split('.').count(), 3, "{token}");

    let file = dir.join("licence.jwt");
    std::fs::write(&file, &token).unwrap();
    for arg in [token.as_str(), file.to_str().unwrap()] {
        let out = Command::new(BIN)
            .args(["license", "verify", arg])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "a licence not signed by the vendor is refused"
        );
        let standing: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            (&standing["status"], &standing["plan"]),
            (&json!("invalid"), &json!("freemium"))
        );
        assert!(
            standing["message"].as_str().unwrap().contains("signature"),
            "{standing}"
        );
    }
    assert!(
        !issue("professional", "2001-01-01").status.success(),
        "expired at issue"
    );
    assert!(
        !issue("platinum", "2099-12-31").status.success(),
        "no such plan"
    );
    let out = Command::new(BIN)
        .args(["license", "verify", "garbage"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    std::fs::remove_dir_all(dir).unwrap();
}
