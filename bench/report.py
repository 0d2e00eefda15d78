#!/usr/bin/env python3
"""Runs every benchmark of Wasim and prints one table, each figure beside its target (see
scripts/bench). Real text: articles of the corpora in ../shared/corpus/train when present, else
the committed sample bench/real-sample.txt (`wasim bench` says which)."""
import gzip, json, os, resource, shutil, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WASIM = os.path.join(ROOT, 'target', 'release', 'wasim')
TMP = os.environ.get('TMPDIR', '/tmp')
CORPUS_DIR = os.path.join(ROOT, '..', 'shared', 'corpus', 'train')
corpus = os.path.join(TMP, 'wasim-bench-corpus.txt')
long_doc = os.path.join(TMP, 'wasim-bench-50k.txt')
folder = os.path.join(TMP, 'wasim-bench-1gb')
GB = float(os.environ.get('WASIM_BENCH_GB', '1'))


def run(args, **kw):
    return subprocess.run(args, cwd=ROOT, check=True, capture_output=True, text=True, **kw).stdout


def child_peak_kb(args, stdout=subprocess.DEVNULL):
    """Runs a command alone and returns (seconds, its peak resident memory in KB)."""
    t0 = time.perf_counter()
    pid = subprocess.Popen(args, cwd=ROOT, stdout=stdout).pid
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        sys.exit(f'{args[0]} failed ({status})')
    return time.perf_counter() - t0, usage.ru_maxrss


source = ['--corpus', CORPUS_DIR] if os.path.isdir(CORPUS_DIR) else []
subprocess.run([WASIM, 'bench', *source, '--mb', '5', '--write', corpus], check=True)
articles = [a for a in open(corpus, encoding='utf-8').read().split('\n\n') if a.strip()]
# The long document: the first 50,000 words of the articles, as one text.
words, parts = 0, []
for a in articles:
    parts.append(a)
    words += len(a.split())
    if words >= 50_000:
        break
open(long_doc, 'w', encoding='utf-8').write('\n'.join(parts))

native = run([WASIM, 'bench', *source, '--mb', '5'])
head = native.splitlines()[0]
rows = [[c.strip() for c in l.strip().strip('|').split('|')] for l in native.splitlines()
        if l.startswith('| ') and not l.startswith('| stage')]
annotate_mbs = float([r for r in rows if r[0].startswith('annotate')][0][2])
spacy = json.loads(run([sys.executable, 'bench/spacy_baseline.py', corpus]))

# One document: the whole text at once, its peak memory against its size.
one_doc_s, one_doc_kb = child_peak_kb([WASIM, 'annotate', '--format', 'jsonl', corpus])
size = os.path.getsize(corpus)

# Many documents: a folder of about GB gigabytes of articles (the corpus' articles again and
# again), on all cores, streamed.
if GB > 0:
    shutil.rmtree(folder, ignore_errors=True)
    total, n = 0, 0
    while total < GB * 1e9:
        d = os.path.join(folder, f'{n // 1000:04d}')
        os.makedirs(d, exist_ok=True)
        for a in articles:
            b = a.encode('utf-8')
            open(os.path.join(d, f'{n:07d}.txt'), 'wb').write(b)
            total, n = total + len(b), n + 1
    folder_s, folder_kb = child_peak_kb([WASIM, 'annotate', '--format', 'jsonl', folder])
    shutil.rmtree(folder, ignore_errors=True)

page = json.loads(run(['node', 'bench/browser.mjs', corpus, long_doc]))

dist = os.path.join(ROOT, 'dist')
sizes = {}
for f in os.listdir(dist):
    kind = f.rsplit('.', 1)[-1]
    raw = open(os.path.join(dist, f), 'rb').read()
    s = sizes.setdefault(kind, [0, 0])
    s[0] += len(raw)
    s[1] += len(gzip.compress(raw, 9))
download = sum(v[1] for k, v in sizes.items() if k in ('wasm', 'js', 'css', 'html'))

print(f"Wasim benchmarks ({os.uname().machine}, {os.cpu_count()} cores)\n")
print(head + '\n')
print("| measure | value | target |")
print("|---|---:|---:|")
for r in rows:
    print(f"| native, one core, {r[0]} | {r[2]} MB/s | {r[4]} |")
print(f"| spaCy {spacy['spacy']} blank('ar') + EntityRuler ({spacy['patterns']} patterns), same text, one core | {spacy['mb_per_s']:.1f} MB/s | |")
print(f"| Wasim annotate / spaCy | {annotate_mbs / spacy['mb_per_s']:.1f}× | ≥ 5× |")
print(f"| peak memory, the whole text as one document ({size / 1e6:.1f} MB, `wasim annotate`) | {one_doc_kb / 1e3:.0f} MB = {one_doc_kb * 1e3 / size:.0f}× the input | ≤ 20× |")
if GB > 0:
    print(f"| `wasim annotate --format jsonl` over a folder of {n} articles ({total / 1e9:.2f} GB), all cores | {folder_s:.0f} s, {total / 1e6 / folder_s:.1f} MB/s, peak {folder_kb / 1e3:.0f} MB | bounded |")
print(f"| browser, annotate in the analysis worker with the model (release wasm, headless Chromium) | {page['engine_mb'] / (page['engine_ms'] / 1000):.1f} MB/s | ≥ 5 MB/s |")
if 'rules_in_page_ms' in page:
    print(f"| browser, rules alone on the page (the fallback when no worker runs) | {page['engine_mb'] / (page['rules_in_page_ms'] / 1000):.1f} MB/s | |")
for kind in ('wasm', 'js', 'css', 'html'):
    if kind in sizes:
        print(f"| bundle {kind}: raw / gzip | {sizes[kind][0] / 1000:.0f} KB / {sizes[kind][1] / 1000:.0f} KB | |")
print(f"| download (wasm + js + css + html, gzip, model included) | {download / 1e6:.2f} MB | ≤ 1.5 MB |")
print(f"| page usable on 127.0.0.1 (navigation to text box and the worker's model ready) | {page['load_ms']:.0f} ms | < 1000 ms |")
if 'worker_ready_ms' in page:
    print(f"| analysis worker ready (its wasm and model loaded, from `new Worker`) | {page['worker_ready_ms']:.0f} ms | |")
print(f"| {page['long_doc_words']}-word real document: paste to highlights (the first screens) | {page['paste_to_highlights_ms']:.0f} ms | < 1000 ms |")
print(f"| {page['long_doc_words']}-word document: paste to all {page['marks']} highlights drawn | {page['paste_to_all_highlights_ms']:.0f} ms | |")
print(f"| {page['long_doc_words']}-word document: one label change drawn | {page['label_change_ms']:.0f} ms | < 50 ms |")
print(f"| {page['long_doc_words']}-word document: longest main-thread task while typing | {page['longest_task_while_typing_ms']:.0f} ms | ≤ 50 ms |")
if 'learn_update_ms' in page:
    print(f"| {page['long_doc_words']}-word document: a correction learned (in the worker) / the document re-tagged (in the worker) | {page['learn_update_ms']:.1f} ms / {page['retag_ms']:.0f} ms | |")
for key, what in (('longest_task_while_correcting_ms', 'while correcting'), ('longest_task_while_learning_ms', 'while the model learns')):
    if key in page:
        print(f"| {page['long_doc_words']}-word document: longest main-thread task {what} | {page[key]:.0f} ms | ≤ 50 ms |")
print(f"| memory in the page after the long document: JS heap / wasm memory | {page['js_heap_mb']:.0f} MB / {page['wasm_memory_mb']:.0f} MB | |")
