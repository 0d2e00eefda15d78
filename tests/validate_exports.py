#!/usr/bin/env python3
"""Re-reads every export format of the `wasim` command with Python's own parsers (zipfile,
csv, json, str slicing by code points, UTF-16 slicing), independently of the Rust code that
wrote it. Run by scripts/test: python3 tests/validate_exports.py target/debug/wasim"""
import csv, io, json, re, subprocess, sys, zipfile

WASIM = sys.argv[1] if len(sys.argv) > 1 else 'target/debug/wasim'
# Composed for the test: emoji, a Latin word, a clitic, a quote, two lines.
TEXT = ('قالت صحيفة “هآرتس” 😀 إن “الحكومة, كما يبدو, مستقرة” بعد قمة G20 بالقاهرة أمس.\n'
        'ونفى المتحدث باسم الكرملين ديمتري بيسكوف أن تكون موسكو قد غيرت موقفها.')
failures = []


def run(fmt):
    return subprocess.run([WASIM, 'annotate', '--format', fmt], input=TEXT.encode(), capture_output=True, check=True).stdout


def check(cond, what):
    if not cond:
        failures.append(what)


def check_span(text, s, e, written, what, unit='cp'):
    got = text[s:e] if unit == 'cp' else text.encode('utf-16-le')[2 * s:2 * e].decode('utf-16-le')
    check(got == written, f'{what}: [{s},{e}) is {got!r}, file says {written!r}')


def validate_json(doc, what):
    check(doc['format'] == 'wasim/1' and doc['offsets'] == 'codepoint', f'{what}: header')
    for e in doc['entities']:
        check_span(doc['text'], e['start'], e['end'], e['text'], f"{what} entity {e['id']}")
    for c in doc['claims']:
        for part in ('speaker', 'cue', 'content'):
            if c[part]:
                check_span(doc['text'], c[part]['start'], c[part]['end'], c[part]['text'], f"{what} claim {c['id']}.{part}")


validate_json(json.loads(run('json')), 'json')
for line in run('jsonl').decode().splitlines():
    validate_json(json.loads(line), 'jsonl')

# brat: a zip with annotation.conf, .txt and .ann; every text-bound annotation re-sliced.
z = zipfile.ZipFile(io.BytesIO(run('brat')))
check(zipfile.is_zipfile(io.BytesIO(run('brat'))) and z.testzip() is None, 'brat: zip integrity')
names = z.namelist()
check('annotation.conf' in names, 'brat: annotation.conf')
txt = [n for n in names if n.endswith('.txt')][0]
text = z.read(txt).decode()
check(text == TEXT, 'brat: text unchanged')
ann = z.read(txt[:-4] + '.ann').decode()
types = set()
for line in ann.splitlines():
    cols = line.split('\t')
    if cols[0].startswith('T'):
        kind, offs = cols[1].split(' ', 1)
        types.add(kind)
        frags = [tuple(map(int, f.split())) for f in offs.split(';')]
        check_span(text, frags[0][0], frags[-1][1], cols[2] if len(frags) == 1 else text[frags[0][0]:frags[-1][1]], f'brat {cols[0]}')
    elif cols[0].startswith('R'):
        check(re.fullmatch(r'(Speaker|Cue) Arg1:T\d+ Arg2:T\d+', cols[1]) is not None, f'brat relation {line!r}')
    elif cols[0].startswith('A'):
        check(re.fullmatch(r'(Quoted|Negated) T\d+', cols[1]) is not None, f'brat attribute {line!r}')
conf = z.read('annotation.conf').decode()
for t in types:
    check(re.search(rf'^{t}$', conf, re.M) is not None, f'brat: type {t} declared in annotation.conf')

# CoNLL: two columns, IOB2 well-formed.
for fmt in ('conll', 'conll-clitics'):
    prev = 'O'
    for line in run(fmt).decode().splitlines():
        if not line:
            prev = 'O'
            continue
        tok, tag = line.split('\t')
        check(tok and re.fullmatch(r'O|[BI]-[A-Z]+', tag), f'{fmt}: {line!r}')
        if tag.startswith('I-'):
            check(prev[2:] == tag[2:], f'{fmt}: {tag} after {prev}')
        prev = tag

# W3C: an AnnotationPage whose selectors agree with each other and with the text.
page = json.loads(run('w3c'))
check(page['type'] == 'AnnotationPage' and 'http://www.w3.org/ns/anno.jsonld' in page['@context'], 'w3c: context and type')
for item in page['items']:
    t = item['target']
    check(t['textDirection'] == 'rtl', 'w3c: textDirection')
    q, p = t['selector']
    check(q['type'] == 'TextQuoteSelector' and p['type'] == 'TextPositionSelector', 'w3c: selector types')
    check_span(TEXT, p['start'], p['end'], q['exact'], f"w3c {item['id']}")
    check(TEXT.find(q['prefix'] + q['exact'] + q['suffix']) >= 0, f"w3c {item['id']}: prefix and suffix")

# CSV: UTF-8 with BOM, parsed by the csv module; offsets re-sliced; no formula cells.
for fmt, cols in (('csv-entities', ('start', 'end', 'text')), ('csv-claims', ('content_start', 'content_end', 'content'))):
    raw = run(fmt)
    check(raw.startswith(b'\xef\xbb\xbf'), f'{fmt}: BOM')
    rows = list(csv.DictReader(io.StringIO(raw.decode('utf-8-sig'), newline='')))
    check(len(rows) > 0, f'{fmt}: rows')
    for r in rows:
        check_span(TEXT, int(r[cols[0]]), int(r[cols[1]]), r[cols[2]], f'{fmt} {r["id"]}')
        check(not any(v.startswith(('=', '+', '@')) for v in r.values()), f'{fmt}: formula-like cell')

# Label Studio: UTF-16 offsets; doccano: code points.
for task in json.loads(run('label-studio')):
    for r in task['annotations'][0]['result']:
        if r['type'] == 'labels':
            v = r['value']
            check_span(task['data']['text'], v['start'], v['end'], v['text'], f"label-studio {r['id']}", unit='utf16')
        else:
            check(r['type'] == 'relation' and r['labels'][0] in ('speaker', 'cue'), 'label-studio relation')
for line in run('doccano').decode().splitlines():
    d = json.loads(line)
    for e in d['entities']:
        check(0 <= e['start_offset'] < e['end_offset'] <= len(d['text']), f'doccano {e}')

if failures:
    print('\n'.join(failures))
    print(f'exports: {len(failures)} failed, 0 passed')
    sys.exit(1)
print('exports: 8 formats re-read by Python parsers')
