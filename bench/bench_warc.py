"""Reading web archives: pages per second and memory while a crawl is streamed.

Writes a gzipped WARC of ``--pages`` HTML responses (the test pages of
``tests/data/pages`` under distinct URLs, each with a few paragraphs of its
own, mixed with image and 404 records as in a real crawl), then reads it with
``newskg.corpus.read_corpus`` three times and prints the median pages per
second, split into warcio's streaming alone and trafilatura's extraction, and
the resident set size (VmRSS) every ``--every`` pages: it should stay flat
however large the archive, since records are read one at a time.

Usage: python bench/bench_warc.py [--pages 5000] [--every 1000]
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newskg.corpus import read_corpus
from newskg.warc_input import iter_pages

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "tests" / "data" / "pages").glob("*.html"))


def rss(field: str = "VmRSS") -> int:
    """A /proc/self/status memory field in MB: VmRSS now, VmHWM the peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    raise KeyError(field)


def write_crawl(path: Path, pages: int) -> None:
    templates = [p.read_bytes() for p in PAGES]
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for i in range(pages):
            extra = "".join(f"<p>Paragraph {k} of story {i}: officials met again on day {k} to talk.</p>"
                            for k in range(8)).encode()
            body = templates[i % len(templates)].replace(b"</article>", extra + b"</article>")
            body = body.replace(b"</body>", b"<meta property='article:published_time' content='2024-03-13'></body>")
            head = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://news.example/{i}", "response",
                                                payload=io.BytesIO(body), http_headers=head))
            if i % 5 == 0:
                head = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(f"https://news.example/{i}.jpg", "response",
                                                    payload=io.BytesIO(b"\xff\xd8" + bytes(20000)), http_headers=head))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--every", type=int, default=1000)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newskg-bench-warc-"))
    crawl = tmp / "crawl.warc.gz"
    write_crawl(crawl, args.pages)
    print(f"archive: {args.pages:,} HTML pages and {args.pages // 5:,} images, {crawl.stat().st_size / 1e6:.1f} MB")
    stream_times, read_times = [], []
    for run in range(3):
        started = time.perf_counter()
        n_stream = sum(1 for _ in iter_pages(crawl))
        stream_times.append(time.perf_counter() - started)
        skipped: Counter = Counter()
        started, n = time.perf_counter(), 0
        for _ in read_corpus([crawl], on_error="skip", skipped=skipped):
            n += 1
            if run == 0 and n % args.every == 0:
                print(f"  {n:>6,} pages: RSS {rss()} MB", flush=True)
        read_times.append(time.perf_counter() - started)
    assert n == n_stream == args.pages, (n, n_stream)
    stream, read = statistics.median(stream_times), statistics.median(read_times)
    print(f"warcio alone: {args.pages / stream:,.0f} pages/s; with trafilatura and language detection: "
          f"{args.pages / read:,.0f} pages/s (medians of 3; extraction is {read / stream:.0f}x the streaming)")
    print(f"not coded: {dict(skipped)}; peak RSS {rss('VmHWM')} MB")


if __name__ == "__main__":
    main()
