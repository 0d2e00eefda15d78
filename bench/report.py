#!/usr/bin/env python3
"""Runs every benchmark of Wasim and prints one table (see scripts/bench)."""
import gzip, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WASIM = os.path.join(ROOT, 'target', 'release', 'wasim')
TMP = os.environ.get('TMPDIR', '/tmp')
corpus = os.path.join(TMP, 'wasim-bench-corpus.txt')
long_doc = os.path.join(TMP, 'wasim-bench-50k.txt')


def run(args, **kw):
    return subprocess.run(args, cwd=ROOT, check=True, capture_output=True, text=True, **kw).stdout


subprocess.run([WASIM, 'bench', '--mb', '4', '--write', corpus], check=True)
subprocess.run([WASIM, 'bench', '--mb', '0.5', '--write', long_doc], check=True)
native = run([WASIM, 'bench', '--file', corpus])
rows = [l for l in native.splitlines() if l.startswith('| ') and 'stage' not in l]
annotate = [l for l in rows if l.startswith('| annotate')][0].split('|')
native_mbs = float(annotate[3])
spacy = json.loads(run([sys.executable, 'bench/spacy_baseline.py', corpus]))
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
print(f"corpus: {os.path.getsize(corpus) / 1e6:.2f} MB of generated Arabic news text; long document: {page['long_doc_words']} words\n")
print("| measure | value | target |")
print("|---|---:|---:|")
for l in rows:
    cells = [c.strip() for c in l.strip('|').split('|')]
    print(f"| native, {cells[0]} | {cells[2]} MB/s | {'30 MB/s' if cells[0].startswith('annotate') else ''} |")
in_page = page['engine_mb'] / (page['engine_ms'] / 1000)
print(f"| browser, annotate (release wasm in headless Chromium, in the analysis worker with the model) | {in_page:.1f} MB/s | 10 MB/s |")
print(f"| browser, rules alone on the page (the fallback when no worker runs) | {page['engine_mb'] / (page['rules_in_page_ms'] / 1000):.1f} MB/s | |")
print(f"| analysis worker ready (its wasm and model loaded, from `new Worker`) | {page['worker_ready_ms']:.0f} ms | |")
print(f"| spaCy {spacy['spacy']} blank('ar') + EntityRuler ({spacy['patterns']} patterns), same text | {spacy['mb_per_s']:.1f} MB/s | |")
print(f"| Wasim native / spaCy | {native_mbs / spacy['mb_per_s']:.1f}× | 20× |")
for kind in ('wasm', 'js', 'css', 'html'):
    if kind in sizes:
        print(f"| bundle {kind}: raw / gzip | {sizes[kind][0] / 1000:.0f} KB / {sizes[kind][1] / 1000:.0f} KB | |")
print(f"| download (wasm + js + css + html, gzip) | {download / 1e6:.2f} MB | 1.5 MB |")
print(f"| page usable on 127.0.0.1 (navigation to text box and the worker's model ready) | {page['load_ms']:.0f} ms | 1000 ms |")
print(f"| {page['long_doc_words']}-word document: paste to highlights ({page['marks']} highlights) | {page['paste_to_highlights_ms']:.0f} ms | 1000 ms |")
print(f"| {page['long_doc_words']}-word document: one label change drawn | {page['label_change_ms']:.0f} ms | 50 ms |")
print(f"| {page['long_doc_words']}-word document: longest main-thread task while typing (analysis in a Web Worker) | {page['longest_task_while_typing_ms']:.0f} ms | |")
print(f"| memory in the page after the long document: JS heap / wasm memory | {page['js_heap_mb']:.0f} MB / {page['wasm_memory_mb']:.0f} MB | |")
print(f"| memory, native: {native.strip().splitlines()[-1].split('; ')[-1]} | | |")
