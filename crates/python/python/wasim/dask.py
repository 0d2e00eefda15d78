"""Annotating a corpus across the workers of a Dask cluster.

A corpus is folders or files of articles: ``.txt`` files (one article each), ``.jsonl`` /
``.ndjson`` files (one article per line, its text in ``text_field``) and ``.parquet`` files (one
article per row, the same column), on any file system fsspec reaches (local paths, ``s3://``,
``gs://``, ``hdfs://`` with their fsspec packages). It is cut into parts of about
``partition_mb`` megabytes (JSONL at line starts, Parquet by row groups); each part is one Dask
task that reads its articles, annotates them (``wasim.annotate_many``, the interpreter
released) and writes ``OUT/part-NNNNN.jsonl`` — one ``wasim/1`` document per line with an
``"id"`` field first — or, with ``output_format="parquet"``, ``OUT/part-NNNNN.parquet`` with
the same fields as columns (:data:`PARQUET_SCHEMA`). The id is the text file's path under the
input folder, the record's ``id_field``, or ``FILE:BYTE`` (where the record's JSONL line
starts) or ``FILE:ROW`` (its Parquet row). Parts come out in input order. ``OUT/_wasim.json``
records the run: documents, bytes and seconds per part and per worker. Parquet needs pyarrow.

From Python, with a cluster you already run::

    from distributed import Client
    import wasim.dask
    report = wasim.dask.annotate_corpus(["s3://news/2024/"], "s3://news-wasim/2024/",
                                        client=Client("tcp://scheduler:8786"))

From the shell, starting a local cluster of worker processes (or ``--scheduler ADDRESS``)::

    python -m wasim.dask articles/ --out annotated/ --workers 4

Without a client, the tasks run on Dask's default scheduler (threads in this process).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import fsspec
from dask.base import compute
from dask.delayed import delayed
from fsspec.core import url_to_fs

import wasim

TEXT_ENDINGS = (".txt",)
JSONL_ENDINGS = (".jsonl", ".ndjson")
PARQUET_ENDINGS = (".parquet", ".pq")
ENDINGS = TEXT_ENDINGS + JSONL_ENDINGS + PARQUET_ENDINGS


@dataclass
class Piece:
    """What one task reads: a whole text file, the lines of a JSONL file that start in
    ``[start, end)`` (bytes), or row group ``group`` of a Parquet file, whose first row is
    ``start``."""

    path: str
    kind: str  # "text", "jsonl" or "parquet"
    start: int = 0
    end: int = 0
    group: int = 0
    #: The article's id for a text file: its path under the input folder.
    name: str = ""


@dataclass
class PartReport:
    part: int
    path: str
    documents: int
    bytes: int
    seconds: float
    worker: str
    pid: int


@dataclass
class Report:
    """What a run did: totals, and each part and worker."""

    out: str
    documents: int = 0
    bytes: int = 0
    seconds: float = 0.0
    parts: List[PartReport] = field(default_factory=list)

    def workers(self) -> Dict[str, Dict[str, float]]:
        """Per worker: tasks, documents, bytes, busy seconds and MB/s while busy."""
        out: Dict[str, Dict[str, float]] = {}
        for p in self.parts:
            w = out.setdefault(p.worker, {"tasks": 0, "documents": 0, "bytes": 0, "busy_seconds": 0.0})
            w["tasks"] += 1
            w["documents"] += p.documents
            w["bytes"] += p.bytes
            w["busy_seconds"] += p.seconds
        for w in out.values():
            w["mb_per_s"] = w["bytes"] / 1e6 / w["busy_seconds"] if w["busy_seconds"] > 0 else 0.0
        return out

    def to_json(self) -> str:
        d = asdict(self)
        d["workers"] = self.workers()
        d["mb_per_s"] = self.bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0
        return json.dumps(d, indent=2, ensure_ascii=False)


def plan(inputs: Sequence[str], partition_mb: float = 8.0) -> List[List[Piece]]:
    """Cuts the inputs into parts of about ``partition_mb`` MB: text files grouped, JSONL files
    cut at line boundaries, Parquet files by row groups. Folders are read recursively for
    ``.txt``, ``.jsonl`` and ``.parquet`` files."""
    target = max(1, int(partition_mb * 1e6))
    parts: List[List[Piece]] = []
    current: List[Piece] = []
    size = 0

    def close() -> None:
        nonlocal current, size
        if current:
            parts.append(current)
        current, size = [], 0

    for given in inputs:
        fs, root = url_to_fs(given)
        if not any(c in root for c in "*?[") and not fs.exists(root):
            raise FileNotFoundError(f"cannot read {given}: no such file or folder")
        if fs.isdir(root):
            found = sorted(
                p for p in fs.find(root) if p.lower().endswith(ENDINGS)
            )
            base = root.rstrip("/") + "/"
        else:
            found = sorted(fs.expand_path(root)) if any(c in root for c in "*?[") else [root]
            base = ""
        if not found:
            raise FileNotFoundError(f"{given}: no .txt, .jsonl or .parquet files there")
        for p in found:
            n = fs.size(p) or 0
            url = fs.unstrip_protocol(p)
            if p.lower().endswith(JSONL_ENDINGS):
                for start in range(0, max(n, 1), target):
                    if size + min(target, n - start) > target:
                        close()
                    current.append(Piece(url, "jsonl", start, min(start + target, n)))
                    size += min(target, n - start)
            elif p.lower().endswith(PARQUET_ENDINGS):
                with fs.open(p, "rb") as f:
                    meta = _arrow()[1].ParquetFile(f).metadata
                first = 0
                for g in range(meta.num_row_groups):
                    n = meta.row_group(g).total_byte_size
                    if size + n > target:
                        close()
                    current.append(Piece(url, "parquet", start=first, group=g))
                    size += n
                    first += meta.row_group(g).num_rows
            elif p.lower().endswith(TEXT_ENDINGS):
                if size + n > target:
                    close()
                name = p[len(base):] if base and p.startswith(base) else os.path.basename(p)
                current.append(Piece(url, "text", name=name))
                size += n
            else:
                raise ValueError(f"{given}: Wasim reads .txt, .jsonl and .parquet articles, not {p}")
    close()
    return parts


def _articles(piece: Piece, text_field: str, id_field: Optional[str]) -> Iterable[Tuple[str, str]]:
    """(id, text) of each article of a piece."""
    if piece.kind == "text":
        with fsspec.open(piece.path, "rb") as f:
            raw = f.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise wasim.ParseError(
                f"{piece.path} is not UTF-8 text (invalid byte at offset {e.start}); convert it first, "
                "e.g. `iconv -f WINDOWS-1256 -t UTF-8`"
            ) from None
        yield piece.name, text.lstrip("\ufeff")
        return
    name = piece.path.rsplit("/", 1)[-1]
    if piece.kind == "parquet":
        with fsspec.open(piece.path, "rb") as f:
            pf = _arrow()[1].ParquetFile(f)
            names = pf.schema_arrow.names
            if text_field not in names:
                raise wasim.ParseError(f"{piece.path}: no column {text_field!r} (it has {', '.join(names)})")
            columns = [text_field] + ([id_field] if id_field and id_field in names else [])
            rows = pf.read_row_group(piece.group, columns=columns).to_pylist()
        for i, row in enumerate(rows, start=piece.start):
            text = row[text_field]
            if not isinstance(text, str):
                raise wasim.ParseError(f"{piece.path}: row {i}: {text_field!r} is not text")
            rid = row.get(id_field) if id_field else None
            yield (str(rid) if rid is not None else f"{name}:{i}"), text
        return
    with fsspec.open(piece.path, "rb") as f:
        at = piece.start
        if at > 0:
            # The line that holds byte start-1 belongs to the part before.
            f.seek(at - 1)
            at += len(f.readline()) - 1
        while at < piece.end:
            line = f.readline()
            if not line:
                break
            here, at = at, at + len(line)
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as e:
                raise wasim.ParseError(f"{piece.path}: byte {here}: not valid JSON: {e}") from None
            text = record.get(text_field) if isinstance(record, dict) else None
            if not isinstance(text, str):
                raise wasim.ParseError(f"{piece.path}: byte {here}: no {text_field!r} text in this record")
            rid = record.get(id_field) if id_field else None
            yield (str(rid) if rid is not None else f"{name}:{here}"), text


def _worker() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return f"pid {os.getpid()}"


def annotate_part(
    part: int,
    pieces: List[Piece],
    out: str,
    text_field: str = "text",
    id_field: Optional[str] = "id",
    model: Optional[wasim.Model] = None,
    jobs: int = 1,
    output_format: str = "jsonl",
) -> PartReport:
    """One task: annotates the articles of ``pieces`` and writes ``OUT/part-NNNNN.jsonl`` (or
    ``.parquet``)."""
    t0 = time.perf_counter()
    ids: List[str] = []
    texts: List[str] = []
    for piece in pieces:
        for rid, text in _articles(piece, text_field, id_field):
            ids.append(rid)
            texts.append(text)
    lines = wasim.annotate_many(texts, jobs=jobs, model=model, as_json=True)
    path = f"{out.rstrip('/')}/part-{part:05d}.{output_format}"
    if output_format == "parquet":
        pa, pq = _arrow()
        rows = [{"id": rid, **json.loads(line)} for rid, line in zip(ids, lines)]
        with fsspec.open(path, "wb") as f:
            pq.write_table(pa.Table.from_pylist(rows, schema=parquet_schema()), f)
    else:
        with fsspec.open(path, "w", encoding="utf-8") as f:
            for rid, line in zip(ids, lines):
                # The engine's own line, with the article's id put first.
                f.write('{"id":' + json.dumps(rid, ensure_ascii=False) + "," + line[1:] + "\n")
    return PartReport(
        part=part,
        path=path,
        documents=len(texts),
        bytes=sum(len(t.encode("utf-8")) for t in texts),
        seconds=time.perf_counter() - t0,
        worker=_worker(),
        pid=os.getpid(),
    )


def annotate_corpus(
    inputs: Union[str, Sequence[str]],
    out: str,
    *,
    client: Any = None,
    text_field: str = "text",
    id_field: Optional[str] = "id",
    partition_mb: float = 8.0,
    model: wasim.ModelLike = None,
    jobs_per_task: int = 1,
    output_format: str = "jsonl",
) -> Report:
    """Annotates a corpus on ``client``'s cluster (Dask's default scheduler when None) and
    writes ``OUT/part-NNNNN.jsonl`` and ``OUT/_wasim.json``; returns the :class:`Report`.

    Each task annotates with ``jobs_per_task`` threads: leave it at 1 and give workers as many
    threads as cores (``nthreads``), or give each worker one thread and raise it. The model is
    sent to every worker once. ``output_format`` is ``jsonl`` or ``parquet``.
    """
    if output_format not in ("jsonl", "parquet"):
        raise ValueError(f"output_format is jsonl or parquet, not {output_format!r}")
    if output_format == "parquet":
        _arrow()  # say now, not in every task, when pyarrow is missing
    inputs = [inputs] if isinstance(inputs, str) else list(inputs)
    parts = plan(inputs, partition_mb)
    fs, root = url_to_fs(out)
    fs.makedirs(root, exist_ok=True)
    m = wasim._model(model)
    shared: Any = m
    if m is not None and client is not None:
        shared = client.scatter(m, broadcast=True)
    tasks = [
        delayed(annotate_part, pure=False)(i, pieces, out, text_field, id_field, shared, jobs_per_task, output_format)
        for i, pieces in enumerate(parts)
    ]
    t0 = time.perf_counter()
    if client is not None:
        done: List[PartReport] = client.gather(client.compute(tasks))
    else:
        done = list(compute(*tasks))
    report = Report(out=out, parts=sorted(done, key=lambda p: p.part))
    report.seconds = time.perf_counter() - t0
    report.documents = sum(p.documents for p in done)
    report.bytes = sum(p.bytes for p in done)
    with fsspec.open(f"{out.rstrip('/')}/_wasim.json", "w", encoding="utf-8") as f:
        f.write(report.to_json())
    return report


def _arrow() -> Tuple[Any, Any]:
    """``pyarrow`` and ``pyarrow.parquet``, or an error saying what to install."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ImportError("Parquet needs pyarrow: pip install pyarrow") from None
    return pyarrow, pyarrow.parquet


def parquet_schema() -> Any:
    """The ``wasim/1`` document as Parquet columns, with the article's ``id`` first."""
    pa, _ = _arrow()
    part = [("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())]
    speaker = pa.struct(part + [("entities", pa.list_(pa.string()))])
    entity = pa.struct([
        ("id", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("label", pa.string()),
        ("text", pa.string()), ("source", pa.string()), ("status", pa.string()), ("confidence", pa.float64()),
    ])
    claim = pa.struct([
        ("id", pa.string()), ("speaker", speaker), ("cue", pa.struct(part)), ("content", pa.struct(part)),
        ("quoted", pa.bool_()), ("negated", pa.bool_()), ("source", pa.string()), ("status", pa.string()),
        ("attributed_to", speaker),
    ])
    return pa.schema([
        ("id", pa.string()), ("format", pa.string()), ("text", pa.string()), ("offsets", pa.string()),
        ("entities", pa.list_(entity)), ("claims", pa.list_(claim)),
    ])


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m wasim.dask",
        description="Annotates folders or files of articles (.txt, .jsonl, .parquet) on a Dask cluster "
        "and writes wasim/1 JSONL (or Parquet) parts into OUT.",
    )
    ap.add_argument("inputs", nargs="+", help="folders, files or globs (local or fsspec URLs)")
    ap.add_argument("--out", required=True, help="the folder to write part-NNNNN.jsonl (or .parquet) into")
    ap.add_argument("--scheduler", help="the address of a running scheduler (tcp://host:8786)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="without --scheduler: local worker processes to start (default: cores)")
    ap.add_argument("--threads-per-worker", type=int, default=1)
    ap.add_argument("--text-field", default="text", help="JSONL: the field holding the text")
    ap.add_argument("--id-field", default="id", help="JSONL: the field holding the article's id")
    ap.add_argument("--partition-mb", type=float, default=8.0, help="megabytes of text per task")
    ap.add_argument("--model", help="a model or .wasim-taught file")
    ap.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl", help="what the parts are written as")
    a = ap.parse_args(argv)
    from distributed import Client, LocalCluster

    try:
        plan(a.inputs, a.partition_mb)  # what cannot be read is said before a cluster starts
        if a.scheduler:
            client = Client(a.scheduler)
        else:
            cluster = LocalCluster(
                n_workers=a.workers, threads_per_worker=a.threads_per_worker, processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
        with client:
            report = annotate_corpus(
                a.inputs, a.out, client=client, text_field=a.text_field, id_field=a.id_field,
                partition_mb=a.partition_mb, model=a.model, output_format=a.format,
            )
    except (wasim.WasimError, OSError, ValueError) as e:
        print(f"wasim: {e}", file=sys.stderr)
        return 1
    print(
        f"{report.documents} documents, {report.bytes / 1e6:.1f} MB in {report.seconds:.1f} s "
        f"({report.bytes / 1e6 / max(report.seconds, 1e-9):.2f} MB/s) → {a.out}",
        file=sys.stderr,
    )
    for w, s in sorted(report.workers().items()):
        print(f"  {w}: {s['tasks']} tasks, {s['documents']} documents, {s['mb_per_s']:.2f} MB/s busy",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    # Run the copy imported as wasim.dask, so that workers unpickle its functions by name.
    from wasim.dask import main as _main

    raise SystemExit(_main())
