"""Export benchmark: whole ``briefing`` processes and the DOCX renderer, against pandoc on the same content.

Whole process (the figures users feel): builds a library holding a 500-topic meeting (one topic per agenda item,
20 items per topic: 10 000 items; every 9th item LIMITE, every 11th internal, every 13th without French), then
times ``briefing export`` (Word in en, fr --allow-missing and bilingual; Excel in en) and ``briefing check`` as
separate processes, and pandoc converting the same pack (assembled from the same library) written as Markdown.
Targets: Word export ≤ 0.2 × pandoc in every language mode, check ≥ 5× faster than pandoc, the Excel pack ≥ 2×
faster. Then the same export and check on a library of ``--library-items`` items holding the same meeting: the
cost follows the meeting, not the library.

Renderer only (``--renderer``): builds the outline of a synthetic meeting (500 agenda items of one topic each, 20 items per topic in English
and French: about 1 100 pages in a one-language pack, 2 500 in the interpreter's copy, as LibreOffice counts
them; the renderer's target was set for an 800-page pack), renders it with :func:`briefing.render.docx.render_docx`
in a child process (so its peak memory is its own), and renders the same content written as Markdown with
pandoc. Prints the render time (best of ``--repeat``), the child's peak RSS, pandoc's time and peak RSS, and
the ratio. Targets for the renderer: < 0.5 s and < 150 MB for the 500-topic meeting.

pandoc is installed with apt-get when it is missing and the benchmark runs as root; otherwise the comparison
is skipped. ``--pages`` converts the pack to PDF with LibreOffice to count its pages (slow).

Run: python -m benchmarks.docx_export [--topics N] [--library-items N] [--repeat N]
     python -m benchmarks.docx_export --renderer [--topics N] [--mode en|fr|bilingual] [--repeat N] [--pages]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.synthetic import synthetic_document
from briefing.assemble.assembler import LABEL_NAMES, MODES
from briefing.assemble.outline import (
    ContentsLine,
    Cover,
    Entry,
    Outline,
    PackLabels,
    PageParts,
    ParticipantRow,
    Passage,
    Section,
    Slot,
    Text,
    plain,
)
from briefing.i18n import labels as lbl
from briefing.i18n.dates import format_day
from briefing.i18n.labels import Labels
from briefing.i18n.typography import for_language
from briefing.model.enums import CopyType, ItemKind, Marking, PackMode

ITEMS_PER_TOPIC = 20


def synthetic_outline(
    topics: int = 500, *, mode: str = "en", copy: str = "internal", seed: int = 7
) -> Outline:
    """The outline of a meeting with one agenda item per synthetic topic.

    Every 9th item is marked LIMITE, every 11th is internal, and every 13th has no French (its English stands
    in, marked untranslated), so flags and labels are exercised as in a real pack.
    """
    languages = MODES[mode]
    labels = {lang: Labels.for_language(lang) for lang in languages}

    def label(msgid: str, **fmt: object) -> Passage:
        return tuple(Text(for_language(labels[lang].get(msgid, **fmt), lang), lang) for lang in languages)

    def passage(texts: dict[str, str], untranslated: bool = False) -> Passage:
        return tuple(
            Text(texts["en"], "en", True)
            if untranslated and lang != "en"
            else Text(for_language(texts[lang], lang), lang)
            for lang in languages
        )

    document = synthetic_document(topics * ITEMS_PER_TOPIC, items_per_topic=ITEMS_PER_TOPIC, seed=seed)
    all_topics = sorted(
        (topic for area in document["areas"] for topic in area["topics"]), key=lambda t: int(t["key"][6:])
    )
    sections = []
    counter = 0
    for number, topic in enumerate(all_topics, start=1):
        by_kind: dict[ItemKind, list[Entry]] = {}
        for item in topic["items"]:
            counter += 1
            internal = counter % 11 == 0
            if internal and copy == "external":
                continue
            kind = ItemKind(item["kind"])
            untranslated = counter % 13 == 0
            entry = Entry(
                item_key=item["key"],
                kind=kind,
                body=passage(item["text"], untranslated) if "text" in item else None,
                question=passage(item["question"], untranslated) if "question" in item else None,
                answer=passage(item["answer"], untranslated) if "answer" in item else None,
                marking=Marking.LIMITE if counter % 9 == 0 else None,
                internal=internal,
                topic_key=topic["key"],
            )
            by_kind.setdefault(kind, []).append(entry)
        slots = tuple(
            Slot(kind, label(lbl.SLOT_HEADINGS[kind.value]), tuple(by_kind[kind]))
            for kind in ItemKind
            if kind in by_kind
        )
        title = passage(topic["title"])
        sections.append(
            Section(
                number=number,
                anchor=f"section-{number}",
                heading=label(lbl.AGENDA_ITEM_NUMBER, number=number),
                title=title,
                topics=(title,),
                slots=slots,
                actions=(),
            )
        )
    meeting_title = passage({"en": "Synthetic Council meeting", "fr": "Réunion synthétique du Conseil"})
    today = dt.date(2024, 6, 1)
    contents = [ContentsLine(label(lbl.OBJECTIVES), "objectives"), ContentsLine(label(lbl.AGENDA), "agenda")]
    for section in sections:
        joined = tuple(
            Text(f"{h.text} — {t.text}", t.lang, t.untranslated)
            for h, t in zip(section.heading, section.title, strict=True)
        )
        contents.append(ContentsLine(joined, section.anchor))
    contents.append(ContentsLine(label(lbl.PARTICIPANTS), "participants"))
    participants = tuple(
        ParticipantRow(f"p{n}", f"Person {n}", label(lbl.PARTICIPANTS), "Ministry", label(lbl.BIOGRAPHY))
        for n in range(20)
    )
    return Outline(
        meeting_slug="synthetic",
        mode=PackMode(mode),
        languages=languages,
        copy=CopyType(copy),
        marking=Marking.LIMITE,
        cover=Cover(
            pack_label=label(lbl.BRIEFING_PACK),
            title=meeting_title,
            dates=tuple(Text(format_day(today, lang), lang) for lang in languages),
            location=passage({"en": "Brussels", "fr": "Bruxelles"}),
            prepared_by="Benchmark unit",
            copy_label=label(lbl.INTERNAL_COPY if copy == "internal" else lbl.EXTERNAL_COPY),
            marking=Marking.LIMITE.value,
            generated_on=tuple(Text(format_day(today, lang), lang) for lang in languages),
        ),
        contents=tuple(contents),
        objectives=(passage({"en": "Agree the next steps.", "fr": "Convenir des prochaines étapes."}),),
        agenda=tuple((s.number, s.title) for s in sections),
        sections=tuple(sections),
        participants=participants,
        actions=(),
        sources=(),
        labels=PackLabels(**{name: label(msgid) for name, msgid in LABEL_NAMES.items()}),
        page_parts=tuple(PageParts(*labels[lang].page_parts(), lang=lang) for lang in languages),
        title_text=plain(meeting_title),
    )


def markdown(outline: Outline) -> str:
    """The same pack as Markdown for pandoc: headings, bullets, questions and answers, participants.

    Every column of the pack is written, so the bilingual pack's Markdown holds both languages.
    """
    columns = range(len(outline.languages))

    def both(passage: Passage) -> str:
        return " / ".join(passage[column].text for column in columns)

    lines = [f"% {outline.title_text}", ""]
    for line in outline.contents[:2]:
        lines += [f"# {both(line.title)}", ""]
    lines += [f"- {both(objective)}" for objective in outline.objectives] + [""]
    lines += [f"{number}. {both(title)}" for number, title in outline.agenda] + [""]
    for section in outline.sections:
        lines += [f"# {both(section.heading)} — {both(section.title)}", ""]
        for slot in section.slots:
            lines += [f"## {both(slot.heading)}", ""]
            for entry in slot.entries:
                for column in columns:
                    if entry.question is not None and entry.answer is not None:
                        lines += [f"**{entry.question[column].text}**", "", entry.answer[column].text, ""]
                    elif entry.body is not None:
                        lines += [f"- {entry.body[column].text}", ""]
    lines += ["# Participants", "", "| Name | Organisation |", "|---|---|"]
    lines += [f"| {person.name} | {person.organisation} |" for person in outline.participants]
    return "\n".join(lines) + "\n"


def child(args: argparse.Namespace) -> None:
    """Render in this (child) process and print the figures as JSON."""
    from briefing.render.docx import render_docx

    outline = synthetic_outline(args.topics, mode=args.mode)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times = []
    output = Path(args.output)
    for _ in range(args.repeat):
        start = time.perf_counter()
        render_docx(outline, output)
        times.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {"times": times, "rss_before_kb": before, "rss_peak_kb": peak, "size": output.stat().st_size}
        )
    )


def run_measured(command: list[str]) -> tuple[float, int, str]:
    """Run ``command``; its wall time, its own peak RSS in kB, and its output."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.stdout is not None and process.stderr is not None
    out, err = process.stdout.read(), process.stderr.read()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err}")
    return seconds, usage.ru_maxrss, out


def find_pandoc() -> str | None:
    pandoc = shutil.which("pandoc")
    if pandoc is None and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("pandoc is missing: installing it with apt-get …", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-q", "pandoc"], check=False, capture_output=True)
        pandoc = shutil.which("pandoc")
    return pandoc


def count_pages(docx: Path, folder: Path) -> int | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
        check=False,
        capture_output=True,
    )
    pdf = folder / (docx.stem + ".pdf")
    if not pdf.exists():
        return None
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


# --- whole processes -------------------------------------------------------------------------------------------

MEETING = "bench"
FILLER_CHUNK = 10_000


def meeting_document(topics: int, seed: int = 7) -> dict[str, Any]:
    """A library document whose meeting ``bench`` has one agenda item per topic, every item selected."""
    document = synthetic_document(topics * ITEMS_PER_TOPIC, items_per_topic=ITEMS_PER_TOPIC, seed=seed)
    all_topics = sorted(
        (topic for area in document["areas"] for topic in area["topics"]), key=lambda t: int(t["key"][6:])
    )
    counter = 0
    for topic in all_topics:
        for item in topic["items"]:
            counter += 1
            if counter % 9 == 0:
                item["marking"] = "LIMITE"
            if counter % 11 == 0:
                item["internal"] = True
            if counter % 13 == 0:
                for field_name in ("text", "question", "answer"):
                    item.get(field_name, {}).pop("fr", None)
    document["participants"] = [
        {
            "key": f"p{n}",
            "name": f"Person {n}",
            "organisation": "Ministry",
            "function": {"en": "Adviser", "fr": "Conseiller"},
            "bio": {"en": "A short biography.", "fr": "Une courte biographie."},
        }
        for n in range(20)
    ]
    document["meetings"] = [
        {
            "slug": MEETING,
            "kind": "council",
            "title": {"en": "Synthetic Council meeting", "fr": "Réunion synthétique du Conseil"},
            "location": {"en": "Brussels", "fr": "Bruxelles"},
            "starts_on": "2024-06-13",
            "prepared_by": "Benchmark unit",
            "participants": [f"p{n}" for n in range(20)],
            "objectives": [{"en": "Agree the next steps.", "fr": "Convenir des prochaines étapes."}],
            "agenda": [{"title": topic["title"], "topics": [topic["key"]]} for topic in all_topics],
        }
    ]
    return document


def build_library(path: Path, topics: int, filler_items: int) -> None:
    """A library with the ``bench`` meeting and ``filler_items`` more items no meeting uses."""
    from benchmarks.search import _renamed
    from briefing.interchange.library_json import import_document, validate
    from briefing.store import Library

    with Library.open(path) as library:
        with library.unit_of_work() as uow:
            import_document(uow, validate(meeting_document(topics)))
        for part in range(filler_items // FILLER_CHUNK):
            filler = _renamed(synthetic_document(FILLER_CHUNK, seed=100 + part), f"f{part}")
            with library.unit_of_work() as uow:
                import_document(uow, validate(filler))


def briefing_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "briefing", *args]


def best_run(command: list[str], repeat: int, ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """The best wall time and the best CPU time (user + system) of ``repeat`` runs of ``command``.

    On a shared machine the wall time depends on what else runs; the CPU time much less so.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        assert process.stderr is not None
        if os.waitstatus_to_exitcode(status) not in ok:
            raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read()}")
        process.stderr.close()
    return min(walls), min(cpus)


def pack_outline(db: Path, mode: str) -> Outline:
    from briefing.assemble import PackRequest, assemble
    from briefing.store import Library

    with Library.open(db) as library, library.unit_of_work() as uow:
        return assemble(uow, PackRequest(MEETING, mode, allow_missing=True))


def whole_processes(args: argparse.Namespace, work: Path) -> None:
    small = work / f"meeting-only-{args.topics}.sqlite"
    start = time.perf_counter()
    if not small.exists():
        build_library(small, args.topics, 0)
    items = args.topics * ITEMS_PER_TOPIC
    print(
        f"library of {items} items with a {args.topics}-topic meeting built in {time.perf_counter() - start:.0f} s"
    )
    pandoc = find_pandoc()
    rows = []
    for mode, extra in (("en", ()), ("fr", ("--allow-missing",)), ("bilingual", ("--allow-missing",))):
        output = work / f"pack-{mode}.docx"
        command = ("export", MEETING, "--lang", mode, *extra, "-o", str(output), "--db", str(small))
        rows.append(
            (f"export docx --lang {mode}", best_run(briefing_command(*command), args.repeat), mode, 0.2)
        )
    check = best_run(briefing_command("check", MEETING, "--db", str(small)), args.repeat, ok=(0, 1))
    rows.append(("check --lang en", check, "en", 0.2))
    output = work / "pack-en.xlsx"
    command = ("export", MEETING, "--lang", "en", "-o", str(output), "--db", str(small))
    rows.append(("export xlsx --lang en", best_run(briefing_command(*command), args.repeat), "en", 0.5))
    pandoc_times: dict[str, tuple[float, float]] = {}
    if pandoc is not None:
        for mode in ("en", "fr", "bilingual"):
            source = work / f"pack-{mode}.md"
            source.write_text(markdown(pack_outline(small, mode)), encoding="utf-8")
            pandoc_times[mode] = best_run(
                [
                    pandoc,
                    "--from",
                    "markdown",
                    "--to",
                    "docx",
                    "--toc",
                    "-o",
                    str(work / "p.docx"),
                    str(source),
                ],
                args.repeat,
            )
    print("whole process (best of", args.repeat, "runs; wall time, then CPU time)")
    print(f"{'':28} {'briefing':>17} {'pandoc':>17} {'ratio':>11} {'target':>7}")
    for name, (wall, cpu), mode, target in rows:
        if mode in pandoc_times:
            pandoc_wall, pandoc_cpu = pandoc_times[mode]
            ratio, cpu_ratio = wall / pandoc_wall, cpu / pandoc_cpu
            verdict = "ok" if max(ratio, cpu_ratio) <= target else "MISSED"
            print(
                f"{name:28} {wall:7.2f}s {cpu:6.2f}s {pandoc_wall:7.2f}s {pandoc_cpu:6.2f}s "
                f"{ratio:5.2f} {cpu_ratio:5.2f} {'≤ ' + str(target):>7} {verdict}"
            )
        else:
            print(f"{name:28} {wall:7.2f}s {cpu:6.2f}s   (pandoc not available)")
    if args.library_items <= items:
        return
    large = work / f"large-{args.topics}-{args.library_items}.sqlite"
    start = time.perf_counter()
    if not large.exists():
        build_library(large, args.topics, args.library_items - items)
    print(
        f"library of {args.library_items} items with the same meeting built in {time.perf_counter() - start:.0f} s"
    )
    print(
        f"{'same meeting (CPU time)':28} {f'{items} items':>12} {f'{args.library_items} items':>14} {'ratio':>7}"
    )
    for name, command in (
        ("export docx --lang en", ("export", MEETING, "--lang", "en", "-o", str(work / "x.docx"))),
        ("check --lang en", ("check", MEETING)),
    ):
        ok = (0, 1)
        _, on_small = best_run(briefing_command(*command, "--db", str(small)), args.repeat, ok)
        _, on_large = best_run(briefing_command(*command, "--db", str(large)), args.repeat, ok)
        print(f"{name:28} {on_small:11.2f}s {on_large:13.2f}s {on_large / on_small:7.2f}")


# --- the renderer alone ------------------------------------------------------------------------------------------


def renderer_only(args: argparse.Namespace, work: Path) -> None:
    pack = work / "pack.docx"
    command = [sys.executable, "-m", "benchmarks.docx_export", "--child", "--output", str(pack)]
    command += ["--topics", str(args.topics), "--mode", args.mode, "--repeat", str(args.repeat)]
    _, _, out = run_measured(command)
    figures = json.loads(out)
    best = min(figures["times"])
    peak_mb = figures["rss_peak_kb"] / 1024
    base_mb = figures["rss_before_kb"] / 1024
    items = args.topics * ITEMS_PER_TOPIC
    print(f"meeting: {args.topics} agenda items, {items} items, mode {args.mode}")
    print(f"briefing DOCX renderer   {best:7.3f} s   (best of {len(figures['times'])}; target < 0.5 s)")
    print(f"  peak RSS of the child  {peak_mb:7.1f} MB  (target < 150 MB; {base_mb:.1f} MB before rendering)")
    print(f"  file size              {figures['size'] / 1e6:7.2f} MB")
    if args.pages:
        pages = count_pages(pack, work)
        print(f"  pages (LibreOffice)    {pages if pages is not None else 'not counted'}")

    pandoc = find_pandoc()
    if pandoc is None:
        print("pandoc is not installed (and cannot be installed here): comparison skipped")
        return
    outline = synthetic_outline(args.topics, mode=args.mode)
    source = work / "pack.md"
    source.write_text(markdown(outline), encoding="utf-8")
    pandoc_seconds, pandoc_kb, _ = run_measured(
        [pandoc, "--from", "markdown", "--to", "docx", "--toc", "-o", str(work / "pandoc.docx"), str(source)]
    )
    print(f"pandoc (Markdown → DOCX) {pandoc_seconds:7.3f} s   peak RSS {pandoc_kb / 1024:.1f} MB")
    print(f"ratio pandoc / briefing  {pandoc_seconds / best:7.1f} ×")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--topics", type=int, default=500)
    parser.add_argument("--mode", choices=sorted(MODES), default="en", help="language mode of --renderer")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best is shown")
    parser.add_argument(
        "--library-items", type=int, default=100_000, help="items of the large library (0: skip that part)"
    )
    parser.add_argument("--renderer", action="store_true", help="time the DOCX renderer alone")
    parser.add_argument(
        "--keep", metavar="FOLDER", help="build the libraries in FOLDER and reuse them next time"
    )
    parser.add_argument("--pages", action="store_true", help="count the pages with LibreOffice (slow)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    with tempfile.TemporaryDirectory() as folder:
        if args.renderer:
            renderer_only(args, Path(folder))
        else:
            work = Path(args.keep) if args.keep else Path(folder)
            work.mkdir(parents=True, exist_ok=True)
            whole_processes(args, work)


if __name__ == "__main__":
    main()
