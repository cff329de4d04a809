#!/usr/bin/env python3
"""Writes the large hostile inputs of issue 8 into OUT_DIR (they are generated at test time, never
committed). Small crafted cases live beside this script in cases/. Usage: generate.py OUT_DIR SEEDS_DIR"""
import io
import os
import shutil
import sys
import zlib
import zipfile

MB = 1 << 20


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def docx(path, document_xml):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", document_xml)


def pdf_of_words(path, words):
    """A 240 KB PDF whose one page draws `words` words of "1" in lines 0.005 pt apart."""
    content = b"BT /F1 1 Tf 0.005 TL 10 700 Td " + (b"(" + b"1 " * 150 + b")' ") * (words // 150) + b" ET"
    stream = zlib.compress(content, 9)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    write(path, out)


def main():
    out, seeds = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    # Issue 8: a 61 KB ZIP of 60 MB of newlines took 10.6 GB and 32 s.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("report.txt", b"\n" * (60 * MB))
    write(os.path.join(out, "newlines-60mb.zip"), buf.getvalue())
    # Issue 8: 60 MB of "1 1 1 ..." took 2.4 GB.
    write(os.path.join(out, "ones-60mb.txt"), b"1 " * (30 * MB))
    write(os.path.join(out, "tabs-60mb.txt"), "本年新收政府信息公开申请数量".encode() + b"\t1" * (30 * MB))
    write(os.path.join(out, "one-line-60mb.txt"), "总体情况".encode() + b"a" * (60 * MB))
    # Many short table-like rows: every row a candidate table row.
    row = "本年新收政府信息公开申请数量\t1\t2\t3\t4\t5\t6\t21\n".encode()
    write(os.path.join(out, "rows-60mb.txt"), row * (60 * MB // len(row)))
    # Just below the limits: as many lines and table rows as allowed, all read and validated.
    line = ("本年度共收到政府信息公开申请，依法按时答复，总体情况良好" + "\n").encode()
    write(os.path.join(out, "near-limit-lines.txt"), "一、总体情况\n".encode() + line * 199000)
    # A 34 MB report, for the test that two large files at once peak like one (in large/, so
    # that it is not also run as a case of its own).
    os.makedirs(os.path.join(out, "large"), exist_ok=True)
    long_line = line[:-1] * 2 + b"\n"
    write(os.path.join(out, "large", "report.txt"), "一、总体情况\n".encode() + long_line * 199000)
    write(os.path.join(out, "near-limit-rows.txt"), "三、收到和处理政府信息公开申请情况\n".encode() + row * 14000)
    # Markup: millions of elements, deep nesting.
    write(os.path.join(out, "tags-60mb.html"), b"<html><body>" + b"<p>1" * (15 * MB))
    write(os.path.join(out, "cells-60mb.html"), b"<html><body><table><tr>" + b"<td>1</td>" * (6 * MB))
    write(os.path.join(out, "deep.html"), b"<html><body>" + b"<div>" * 100000 + "总体情况".encode())
    docx(os.path.join(out, "paragraphs.docx"),
         '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
         + '<w:p><w:r><w:t>1</w:t></w:r></w:p>' * (1 * MB) + '</w:body></w:document>')
    pdf_of_words(os.path.join(out, "words-60mb.pdf"), 30 * MB)
    # JSON: deep, wide, one huge string.
    write(os.path.join(out, "deep.json"), b'{"a":' + b"[" * 1000000 + b"]" * 1000000 + b"}")
    write(os.path.join(out, "wide.json"), b'{"a":[' + b"0," * (20 * MB) + b"0]}")
    write(os.path.join(out, "keys.json"), b"{" + b",".join(b'"k%d":0' % i for i in range(2000000)) + b"}")
    write(os.path.join(out, "long-string.json"), b'{"agency":"' + b"a" * (60 * MB) + b'","year":2023}')
    # A FIFO named on the command line blocked forever.
    fifo = os.path.join(out, "fifo.txt")
    if not os.path.exists(fifo):
        os.mkfifo(fifo)
    # A directory mixing good reports, a bad JSON, junk and a sidecar: the bad ones are named, the
    # good ones still checked.
    mixed = os.path.join(out, "mixed")
    os.makedirs(mixed, exist_ok=True)
    for name in sorted(os.listdir(seeds))[:4]:
        shutil.copy(os.path.join(seeds, name), mixed)
    write(os.path.join(mixed, "bad.json"), b'{"sections":[{"present":"yes"}]}')
    write(os.path.join(mixed, "junk.bin"), bytes(range(256)) * 64)
    write(os.path.join(mixed, "year.json"), b'{"agency":"x","year":4294969318}')


if __name__ == "__main__":
    main()
