#!/usr/bin/env python3
"""Trunk post-build hook: adds a Content-Security-Policy to the built index.html that allows
the page's own files, its one inline module script (the loader trunk writes, by hash) and
WebAssembly, and nothing else: no other inline or remote script, no remote request at all.
Runs in trunk's staging folder (TRUNK_STAGING_DIR)."""
import base64, hashlib, os, re, sys

path = os.path.join(os.environ.get('TRUNK_STAGING_DIR', sys.argv[1] if len(sys.argv) > 1 else 'dist'), 'index.html')
html = open(path, encoding='utf-8').read()
scripts = re.findall(r'<script type="module">(.*?)</script>', html, re.S)
hashes = ' '.join("'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts)
policy = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' %s; style-src 'self'; img-src 'self' data: blob:; "
          "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; "
          "base-uri 'none'; form-action 'none'") % hashes
meta = '<meta http-equiv="Content-Security-Policy" content="%s" />' % policy
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', '', html)
html = html.replace('<meta charset="utf-8" />', '<meta charset="utf-8" />\n    ' + meta, 1)
open(path, 'w', encoding='utf-8').write(html)
