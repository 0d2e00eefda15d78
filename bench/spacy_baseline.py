#!/usr/bin/env python3
"""The baseline a user would otherwise write: spaCy's blank Arabic pipeline with an
EntityRuler over the same word lists Wasim compiles (crates/engine/data), on the same text.
Prints one JSON object: words, seconds (best of three), MB/s, entities found.

usage: spacy_baseline.py CORPUS"""
import json, os, sys, time

import spacy

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'crates', 'engine', 'data')
LABELS = {'countries': 'LOC', 'cities': 'LOC', 'towns': 'LOC', 'regions': 'LOC', 'persons': 'PER',
          'organizations': 'ORG', 'media': 'ORG', 'months': 'DATE', 'weekdays': 'DATE'}

nlp = spacy.blank('ar')
patterns = []
for folder in ('hand', 'extracted'):
    for name, label in LABELS.items():
        path = os.path.join(DATA, folder, name + '.txt')
        if os.path.exists(path):
            for line in open(path, encoding='utf-8'):
                phrase = line.split('#')[0].strip()
                if phrase:
                    patterns.append({'label': label, 'pattern': phrase})
ruler = nlp.add_pipe('entity_ruler', config={'phrase_matcher_attr': 'ORTH'})
ruler.add_patterns(patterns)

text = open(sys.argv[1], encoding='utf-8').read()
paragraphs = [p for p in text.split('\n') if p.strip()]
best, ents, words = None, 0, 0
for _ in range(3):
    t0 = time.perf_counter()
    ents = words = 0
    for doc in nlp.pipe(paragraphs, batch_size=64):
        ents += len(doc.ents)
        words += len(doc)
    dt = time.perf_counter() - t0
    best = dt if best is None else min(best, dt)
mb = len(text.encode('utf-8')) / 1e6
print(json.dumps({'spacy': spacy.__version__, 'patterns': len(patterns), 'tokens': words, 'seconds': best, 'mb_per_s': mb / best, 'entities': ents}))
