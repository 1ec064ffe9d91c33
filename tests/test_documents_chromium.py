"""The opinion's HTML as a browser prints it: A4 pages, and not blank.

Needs Debian's chromium (scripts/ensure-chromium.sh installs it; CI runs that
script). Without a browser the tests are skipped and say why. The PNG is
decoded here with zlib (no imaging library needed): enough to count the
pixels that are not paper-white.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from review import documents

from test_documents import view

BROWSER = documents.chromium()
pytestmark = pytest.mark.skipif(BROWSER is None, reason="未安装 chromium（运行 scripts/ensure-chromium.sh）")

A4_PT = (595.28, 841.89)  # 210 × 297 mm at 72 pt per inch
A4_PX = (794, 1123)  # 210 × 297 mm at 96 CSS px per inch


def screenshot(html: str, tmp: Path) -> bytes:
    source = tmp / "opinion.html"
    source.write_text(html, encoding="utf-8")
    target = tmp / "opinion.png"
    command = [
        BROWSER, *documents.CHROMIUM_FLAGS, f"--user-data-dir={tmp / 'profile'}", "--hide-scrollbars",
        f"--window-size={A4_PX[0]},{A4_PX[1]}", f"--screenshot={target}", source.as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=True)
    return target.read_bytes()


def decode_png(data: bytes) -> tuple[int, int, int, bytes]:
    """Width, height, bytes per pixel and the unfiltered pixel rows of an 8-bit RGB(A) PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "不是 PNG 文件"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    out = bytearray()
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = row[i - bpp] if i >= bpp else 0
            up = previous[i]
            corner = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + up) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                row[i] = (row[i] + predictor) & 0xFF
        out += row
        previous = row
    return width, height, bpp, bytes(out)


def test_opinion_screenshot_is_a4_shaped_and_not_blank(tmp_path):
    html = documents.render("opinion", view("opinion", "penalty_individual"), "html").decode("utf-8")
    png = screenshot(html, tmp_path)
    keep = os.environ.get("REVIEW_SCREENSHOT_DIR")
    if keep:  # to look at the page yourself: REVIEW_SCREENSHOT_DIR=out pytest ...
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / "opinion.png").write_bytes(png)
    width, height, bpp, pixels = decode_png(png)
    assert (width, height) == A4_PX
    assert abs(height / width - 297 / 210) < 0.01
    dark = sum(1 for i in range(0, len(pixels), bpp) if pixels[i] + pixels[i + 1] + pixels[i + 2] < 300)
    share = dark / (width * height)
    # Text covers some of the page, never all of it: a blank page has 0, a
    # page of black (failed render) has ~1.
    assert 0.005 < share < 0.5, share


def test_opinion_prints_on_a4_pages(tmp_path):
    html = documents.render("opinion", view("opinion", "penalty_individual"), "html").decode("utf-8")
    pdf = documents.html_to_pdf(html)
    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes, "PDF 中没有页面尺寸"
    for w, h in boxes:
        assert abs(float(w) - A4_PT[0]) < 1.5 and abs(float(h) - A4_PT[1]) < 1.5, (w, h)


def test_pdf_output_through_the_cli(tmp_path):
    from review.cli import main

    out = tmp_path / "publication.pdf"
    fixture = Path(__file__).parent / "data" / "documents" / "penalty_individual.yaml"
    assert main(["document", "publication", str(fixture), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
