"""PDF packs: the Word pack converted by LibreOffice, run headless in a profile of its own.

LibreOffice lays the pack out as a reader's word processor does (the contents' page numbers are those of the
printed pages) and writes a tagged PDF whose catalogue carries the pack's language. It runs with a private,
throw-away user profile (``-env:UserInstallation``), so a conversion works while the user has LibreOffice open,
and is stopped after :data:`TIMEOUT_SECONDS`, or at once when the export is cancelled (the step given raises
:class:`~briefing.progress.ExportCancelledError`): LibreOffice and the processes it started are ended, and its
folder removed. Without LibreOffice, the error says what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefing.errors import N_, BriefingError
from briefing.progress import BUSY, Step

TIMEOUT_SECONDS = 300
"""How long one conversion may take: a few seconds for most packs, a minute for 800 pages."""

SOFFICE_VARIABLE = "BRIEFING_SOFFICE"
"""An environment variable naming the LibreOffice program, when it is not found by itself."""

POLL_SECONDS = 0.1
"""How often a running conversion asks whether the export was cancelled."""

PDF_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


class PdfError(BriefingError):
    """The PDF could not be made; nothing was written."""


def _candidates() -> list[Path]:
    places: list[Path] = []
    if sys.platform == "win32":
        for root in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
            if root:
                places.append(Path(root) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        places.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    return places


def find_soffice() -> Path:
    """The LibreOffice program: $BRIEFING_SOFFICE, then ``soffice`` or ``libreoffice`` on the PATH, then the usual
    install folders; :class:`PdfError` naming what to install when there is none."""
    given = os.environ.get(SOFFICE_VARIABLE)
    if given:
        if Path(given).is_file():
            return Path(given)
        raise PdfError(
            N_("{variable} names {path}, which is not a program: point it at LibreOffice's soffice."),
            variable=SOFFICE_VARIABLE,
            path=given,
        )
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for place in _candidates():
        if place.is_file():
            return place
    raise PdfError(
        N_(
            "A PDF pack needs LibreOffice, which is not installed: install LibreOffice (libreoffice.org, or the "
            "libreoffice-writer package on Linux), or set {variable} to its soffice program. Nothing was written."
        ),
        variable=SOFFICE_VARIABLE,
    )


def convert_to_pdf(
    document: Path, target: Path, *, soffice: Path | None = None, step: Step | None = None
) -> None:
    """Convert the Word file ``document`` to the PDF ``target`` (written as it is; see :func:`render_pdf`)."""
    convert_many([(document, target)], soffice=soffice, step=step)


def convert_many(
    pairs: list[tuple[Path, Path]], *, soffice: Path | None = None, step: Step | None = None
) -> None:
    """Convert each (Word file, PDF) pair, all in one LibreOffice run: LibreOffice's start-up, a few seconds, is
    paid once however many copies are made. ``step`` is asked every :data:`POLL_SECONDS` while LibreOffice
    runs; when it raises (the export was cancelled), LibreOffice is ended and the error goes on."""
    program = soffice or find_soffice()
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-") as folder:
        work = Path(folder)
        profile = work / "profile"
        sources = []
        for index, (document, _target) in enumerate(pairs):
            source = work / f"pack-{index}.docx"
            shutil.copyfile(document, source)
            sources.append(source)
        command = [
            str(program),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            PDF_FILTER,
            "--outdir",
            str(work),
            *map(str, sources),
        ]
        environment = {**os.environ, "HOME": str(profile)}  # nothing of the user's own profile is touched
        try:
            finished = _run(command, environment, TIMEOUT_SECONDS * len(pairs), step)
        except subprocess.TimeoutExpired as exc:
            raise PdfError(
                N_("LibreOffice did not finish the PDF within {seconds} seconds; nothing was written."),
                seconds=TIMEOUT_SECONDS * len(pairs),
            ) from exc
        except OSError as exc:
            raise PdfError(
                N_("LibreOffice ({path}) could not be started: {reason}. Nothing was written."),
                path=program,
                reason=exc.strerror or exc,
            ) from exc
        made = [source.with_suffix(".pdf") for source in sources]
        if finished.returncode != 0 or not all(pdf.is_file() and pdf.stat().st_size > 0 for pdf in made):
            reason = finished.stderr.decode("utf-8", "replace").strip().splitlines()
            raise PdfError(
                N_("LibreOffice could not make the PDF ({reason}); nothing was written."),
                reason=reason[-1] if reason else f"exit status {finished.returncode}",
            )
        for pdf, (_document, target) in zip(made, pairs, strict=True):
            shutil.copyfile(pdf, target)


def _run(
    command: list[str], environment: dict[str, str], timeout: float, step: Step | None
) -> subprocess.CompletedProcess[bytes]:
    """Run LibreOffice to its end, its end of time, or the export's cancel (``step`` raising)."""
    posix = os.name == "posix"
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env=environment,
            start_new_session=posix,  # its own process group: LibreOffice's children end with it
        )
        ends = time.monotonic() + timeout
        try:
            while True:
                try:
                    process.wait(timeout=POLL_SECONDS)
                    break
                except subprocess.TimeoutExpired:
                    if time.monotonic() > ends:
                        raise
                    if step is not None:
                        step(BUSY)
        except BaseException:
            _end(process, posix)
            raise
        errors.seek(0)
        return subprocess.CompletedProcess(command, process.returncode, b"", errors.read())


def _end(process: subprocess.Popen[bytes], posix: bool) -> None:
    """End LibreOffice and whatever it started, and wait for them, so its folder can be removed."""
    import signal

    try:
        if posix:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def render_pdf(
    document: Path, target: Path, *, soffice: Path | None = None, step: Step | None = None
) -> None:
    """Convert ``document`` into ``target``; ``target`` is written as given (the caller makes it atomic).

    ``step`` is asked while LibreOffice runs (see :func:`convert_many`)."""
    convert_to_pdf(document, target, soffice=soffice, step=step)


__all__ = [
    "PDF_FILTER",
    "TIMEOUT_SECONDS",
    "PdfError",
    "convert_many",
    "convert_to_pdf",
    "find_soffice",
    "render_pdf",
]
