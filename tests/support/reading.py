"""Helpers for reading packs as a person would: LibreOffice to PDF, pdftotext, the OOXML validator."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any


def convert_to_pdf(soffice: str, files: list[Path], outdir: Path, profile: Path) -> list[Path]:
    """Convert ``files`` with one LibreOffice run; the PDFs, in the same order."""
    outdir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HOME": str(profile)}
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to", "pdf",
         "--outdir", str(outdir), *map(str, files)],
        check=True, capture_output=True, timeout=600, env=env,
    )  # fmt: skip
    pdfs = [outdir / (f.stem + ".pdf") for f in files]
    missing = [p for p in pdfs if not p.exists()]
    assert not missing, f"LibreOffice did not convert {missing}"
    return pdfs


def pdf_pages(pdftotext: str, pdf: Path) -> list[str]:
    """The text of each page of ``pdf``."""
    result = subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    pages = result.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def validate_ooxml(validator: str, path: Path) -> dict[str, Any]:
    """The validator's report on ``path`` (``ok`` and ``errors``)."""
    env = {**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"}
    result = subprocess.run(
        [validator, str(path)], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    report: dict[str, Any] = json.loads(result.stdout)
    return report
