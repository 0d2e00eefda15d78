//! The `wasim` command as users call it: files and standard input, exit codes and messages,
//! conversions that go there and back, evaluation and agreement.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn wasim(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wasim"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("wasim runs");
    // A command that fails before reading its input closes the pipe: that is not the test's failure.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    child.wait_with_output().expect("wasim ends")
}

fn dir() -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("wasim-cli-{}-{}", std::process::id(), rand()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn rand() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
}

// "The Egyptian foreign minister said yesterday that relations with France are strong."
const TEXT: &str = "قال وزير الخارجية المصري سامح شكري، أمس، إن “العلاقات مع فرنسا قوية”.";

#[test]
fn annotate_a_file_and_standard_input() {
    let d = dir();
    let f = d.join("خبر.txt");
    std::fs::write(&f, TEXT).unwrap();
    let out = wasim(&["annotate", f.to_str().unwrap()], b"");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "wasim/1");
    assert_eq!(v["offsets"], "codepoint");
    assert!(v["entities"].as_array().unwrap().iter().any(|e| e["text"] == "فرنسا" && e["label"] == "LOC"));
    // The speaker is linked to the entities inside it.
    let per = v["entities"].as_array().unwrap().iter().find(|e| e["label"] == "PER").unwrap()["id"].clone();
    assert!(v["claims"][0]["speaker"]["entities"].as_array().unwrap().contains(&per), "{}", v["claims"][0]);
    let piped = wasim(&["annotate"], TEXT.as_bytes());
    assert_eq!(piped.stdout, out.stdout, "standard input gives the same");
    let two = wasim(&["annotate", f.to_str().unwrap(), "-"], TEXT.as_bytes());
    assert_eq!(String::from_utf8_lossy(&two.stdout).lines().count(), 2, "several inputs: one JSON line each");
}

#[test]
fn a_folder_is_every_file_in_it_in_order_and_a_bad_file_loses_nothing_else() {
    // 60 articles in two levels, one of them not UTF-8: more files than the workers' window,
    // so results come back out of order and must be written in order.
    let d = dir();
    std::fs::create_dir_all(d.join("b")).unwrap();
    for i in 0..60 {
        let name = format!("{}{i:02}", if i < 30 { "" } else { "b/" });
        let text = format!("{TEXT} زار الوفد {} أمس.", if i % 2 == 0 { "القاهرة" } else { "بيروت" });
        std::fs::write(d.join(format!("{name}.txt")), text).unwrap();
    }
    std::fs::write(d.join("b/45.txt"), [0xc7, 0xe1, 0xd1]).unwrap();
    let out = wasim(&["annotate", "--jobs", "2", "--format", "jsonl", d.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1), "one file could not be read");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("45.txt") && err.contains("1 of 60"), "{err}");
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 59, "every other file is there");
    let places: Vec<String> = lines
        .iter()
        .map(|v| {
            let e = v["entities"].as_array().unwrap();
            e.iter().rfind(|e| e["label"] == "LOC").unwrap()["text"].as_str().unwrap().to_string()
        })
        .collect();
    let expected: Vec<&str> =
        (0..60).filter(|&i| i != 45).map(|i| if i % 2 == 0 { "القاهرة" } else { "بيروت" }).collect();
    assert_eq!(places, expected, "in the files' order");
    // A folder alone still gives one JSON line per file.
    let json = wasim(&["annotate", d.join("b").to_str().unwrap()], b"");
    assert_eq!(String::from_utf8_lossy(&json.stdout).lines().count(), 29);
}

#[test]
fn bad_input_gets_a_message_and_an_exit_code() {
    let d = dir();
    let bad = d.join("cp1256.txt");
    std::fs::write(&bad, [0xc7, 0xe1, 0xd1, 0xc8, 0xc7, 0xd8]).unwrap();
    let out = wasim(&["annotate", bad.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cp1256.txt") && err.contains("UTF-8"), "{err}");
    let missing = wasim(&["annotate", "/no/such/file.txt"], b"");
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/no/such/file.txt"));
    assert_eq!(wasim(&["annotate", "--format", "xml"], b"").status.code(), Some(2));
    assert_eq!(wasim(&["frobnicate"], b"").status.code(), Some(2));
    for asked in [&["--help"][..], &["help"], &["help", "convert"], &["convert", "--help"]] {
        let help = wasim(asked, b"");
        assert_eq!(help.status.code(), Some(0), "{asked:?}");
        assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: wasim"), "{asked:?}");
    }
    assert!(String::from_utf8_lossy(&wasim(&["help"], b"").stdout).contains("label-studio"), "the formats table");
}

#[test]
fn every_flag_is_honoured_and_unknown_ones_are_refused() {
    // Unknown flags and misused ones: usage, exit 2, with a message naming them.
    for args in [
        &["eval", "a.json", "b.json", "--frobnicate"][..],
        &["bench", "--fast"],
        &["agree", "a", "b", "--verbose"],
        &["annotate", "--jobs", "0"],
        &["annotate", "--jobs", "many"],
        &["convert", "--to", "json", "--from", "w3c"],
        &["convert", "--from", "json"],
        &["eval", "--diff", "a.json", "b.json"],
        &["eval", "--markup", "m.txt", "a.json", "b.json"],
        &["bench", "--mb", "0"],
    ] {
        let out = wasim(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(!out.stderr.is_empty(), "{args:?} says why");
    }
    // --from names the format whatever the file is called.
    let d = dir();
    let json = wasim(&["annotate"], TEXT.as_bytes()).stdout;
    let ls = wasim(&["convert", "--from", "json", "--to", "label-studio"], &json);
    assert!(ls.status.success(), "{}", String::from_utf8_lossy(&ls.stderr));
    let f = d.join("export-without-ending");
    std::fs::write(&f, &ls.stdout).unwrap();
    let back = wasim(&["convert", "--from", "label-studio", "--to", "json", f.to_str().unwrap()], b"");
    assert!(back.status.success(), "{}", String::from_utf8_lossy(&back.stderr));
    let v: serde_json::Value = serde_json::from_slice(&back.stdout).unwrap();
    assert_eq!(v["text"], TEXT);
    // Told nothing, a file without an ending is refused with its name.
    let unknown = wasim(&["convert", "--to", "json", f.to_str().unwrap()], b"");
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("export-without-ending"));
    // --jobs and --progress are taken.
    let out = wasim(&["annotate", "--jobs", "1", "--progress", "-"], TEXT.as_bytes());
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("1/1 files"));
}

#[test]
fn every_output_format() {
    for f in wasim_engine::export::FORMATS {
        let out = wasim(&["annotate", "--format", f.id], TEXT.as_bytes());
        assert!(out.status.success(), "{}: {}", f.id, String::from_utf8_lossy(&out.stderr));
        assert!(!out.stdout.is_empty(), "{}", f.id);
    }
}

#[test]
fn json_to_brat_to_json_from_the_command_line() {
    let json = wasim(&["annotate"], TEXT.as_bytes()).stdout;
    let brat = wasim(&["convert", "--from", "json", "--to", "brat"], &json);
    assert!(brat.status.success(), "{}", String::from_utf8_lossy(&brat.stderr));
    assert!(brat.stdout.starts_with(b"PK"), "a zip archive");
    let back = wasim(&["convert", "--from", "brat", "--to", "json"], &brat.stdout);
    assert!(back.status.success(), "{}", String::from_utf8_lossy(&back.stderr));
    let (a, b): (serde_json::Value, serde_json::Value) =
        (serde_json::from_slice(&json).unwrap(), serde_json::from_slice(&back.stdout).unwrap());
    let spans = |v: &serde_json::Value| {
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["start"].clone(), e["end"].clone(), e["label"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(spans(&a), spans(&b));
    assert_eq!(a["claims"].as_array().unwrap().len(), b["claims"].as_array().unwrap().len());
    // And through a folder.
    let d = dir();
    let out = wasim(&["convert", "--from", "json", "--to", "brat", "--out", d.to_str().unwrap()], &json);
    assert!(out.status.success());
    assert!(d.join("stdin.ann").exists() && d.join("stdin.txt").exists() && d.join("annotation.conf").exists());
    let again = wasim(&["convert", "--from", "brat", "--to", "json", d.to_str().unwrap()], b"");
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
}

#[test]
fn eval_and_agree() {
    let d = dir();
    let gold = d.join("gold.json");
    std::fs::write(&gold, wasim(&["annotate"], TEXT.as_bytes()).stdout).unwrap();
    let out = wasim(&["eval", gold.to_str().unwrap(), gold.to_str().unwrap(), "--json"], b"");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["entities"]["lenient"]["ALL"]["f1"], 1.0);
    let out = wasim(&["agree", gold.to_str().unwrap(), gold.to_str().unwrap()], b"");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Cohen's kappa 1.000"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let other = d.join("other.json");
    std::fs::write(&other, wasim(&["annotate"], "نص آخر".as_bytes()).stdout).unwrap();
    let out = wasim(&["agree", gold.to_str().unwrap(), other.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("different texts"));
}

#[test]
fn train_on_a_tiny_sample_then_annotate_and_score_with_the_new_model() {
    let d = dir();
    let model = d.join("tiny.model");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/../engine/tests/data/corpus");
    let train = |out: &std::path::Path| {
        wasim(
            &[
                "train",
                "--corpus",
                sample,
                "--sample",
                "60",
                "--epochs",
                "2",
                "--bits",
                "14",
                "--out",
                out.to_str().unwrap(),
            ],
            b"",
        )
    };
    let out = train(&model);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("| ALL |"), "a development table");
    let a = wasim(&["annotate", "--model", model.to_str().unwrap()], TEXT.as_bytes());
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    let v: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    assert_eq!(v["text"], TEXT);
    let e = wasim(&["eval", "--corpus", sample, "--model", model.to_str().unwrap()], b"");
    assert!(e.status.success(), "{}", String::from_utf8_lossy(&e.stderr));
    // Training is repeatable: the same seed gives the same bytes.
    let again = d.join("again.model");
    train(&again);
    assert_eq!(std::fs::read(&model).unwrap(), std::fs::read(&again).unwrap());
}

#[test]
fn annotate_with_what_a_person_taught() {
    use wasim_engine::tagger::Features;
    use wasim_engine::{Annotator, Label, Lexicon, Words};
    // Teach the built-in model a made-up name, as the app does, and save it as the app exports it.
    let mut m = Annotator::builtin().model().cloned().expect("a model");
    for text in ["زار زرقلون فيسامر المصنع أمس.", "التقى وزير الخارجية زرقلون فيسامر في القاهرة."]
    {
        let a = Words::analyze(text, Lexicon::builtin());
        let ctx = m.context(&a, Lexicon::builtin(), []);
        let r = a.sentence_words()[0].clone();
        let mut f = Features::default();
        ctx.sentence(r, &mut f);
        let k = a.words.iter().position(|w| w.span.of(text) == "زرقلون").unwrap();
        let mut gold = vec![0; a.words.len()];
        gold[k] = wasim_engine::tagger::tag_of(Label::PER, false).unwrap();
        gold[k + 1] = wasim_engine::tagger::tag_of(Label::PER, true).unwrap();
        m.learn(&f, &gold);
    }
    let d = dir();
    let taught = d.join("team.wasim-taught");
    std::fs::write(&taught, m.taught_bytes()).unwrap();
    let text = "وقالت الشرطة إن زرقلون فيسامر غادر المدينة.";
    let has_name = |out: &[u8]| {
        let v: serde_json::Value = serde_json::from_slice(out).unwrap();
        v["entities"].as_array().unwrap().iter().any(|e| e["label"] == "PER" && e["text"] == "زرقلون فيسامر")
    };
    assert!(!has_name(&wasim(&["annotate"], text.as_bytes()).stdout), "unknown to the shipped model");
    let out = wasim(&["annotate", "--model", taught.to_str().unwrap()], text.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(has_name(&out.stdout), "{}", String::from_utf8_lossy(&out.stdout));
    // A file that is no model is refused with its name and a reason.
    let bad = d.join("notes.txt");
    std::fs::write(&bad, "hello").unwrap();
    let out = wasim(&["annotate", "--model", bad.to_str().unwrap()], text.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("notes.txt") && err.contains("not a Wasim model"), "{err}");
}

/// `--only` trains on fewer corpora with the splits of the whole folder: ANERcorp's held-aside
/// part follows NewsFANE's, and once a run without NewsFANE learned from it.
#[test]
fn training_on_some_corpora_keeps_the_splits_of_all() {
    let d = dir();
    // The same made-up sentences in both corpora: ANERcorp's form, then NewsFANE's.
    let letters: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
    let word = |i: usize| -> String { (0..3).map(|k| letters[i / 28usize.pow(k) % 28]).collect() };
    let (mut aner, mut news) = (String::new(), String::new());
    for i in 0..1000 {
        let w = word(i);
        aner += &format!("{w}\tB-PERS\n{w}\tI-PERS\n{w}\tO\n{w}\tO\n.\tO\n\n");
        news += &format!("{w}\tB-Politician\n{w}\tI-Politician\n{w}\tO\n{w}\tO\n.\tO\n\n");
    }
    std::fs::write(d.join("anercorp_train.conll"), aner).unwrap();
    std::fs::write(d.join("newsfane_train.conll"), news).unwrap();
    let counts = |only: &str| -> String {
        let model = d.join(format!("{only}.model"));
        let mut args = vec![
            "train",
            "--corpus",
            d.to_str().unwrap(),
            "--epochs",
            "1",
            "--bits",
            "12",
            "--out",
            model.to_str().unwrap(),
        ];
        if !only.is_empty() {
            args.extend(["--only", only]);
        }
        let out = wasim(&args, b"");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        err.lines().find(|l| l.starts_with("anercorp_train.conll:")).unwrap_or_default().to_string()
    };
    let all = counts("");
    assert!(all.contains("held aside"), "{all}");
    assert_eq!(counts("anercorp"), all);
}
