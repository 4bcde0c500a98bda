"""Keep the message catalogues in step with the code, and compile them.

One gettext domain, ``briefing``, holds every sentence of the Qt-free core: the pack labels of
:mod:`briefing.i18n.labels` and the messages of errors and the command line (marked with ``N_`` wherever
they are written, and read through :mod:`briefing.i18n.messages`). The GUI has its own Qt catalogues.

The ``.po`` file of each language is what a translator edits; the ``.mo`` beside it is what the app reads.
After adding, changing or removing a marked message::

    python -m briefing.i18n.catalogue update    # add new message ids to the .po, drop the removed ones
    (translate the new entries in the .po; remove any "fuzzy" flag once checked)
    python -m briefing.i18n.catalogue compile   # write the .mo files
    python -m briefing.i18n.catalogue check     # what the tests check

``check`` fails when a marked message is missing from a ``.po``, when a ``.po`` holds a message nothing uses,
when a pack label is untranslated or fuzzy, or when a ``.mo`` is not what its ``.po`` compiles to. Other
untranslated messages are listed but do not fail: they show in English until translated.

This module needs Babel's message tools; the app itself only reads the ``.mo`` files.
"""

from __future__ import annotations

import argparse
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from briefing.i18n import labels
from briefing.i18n.labels import DOMAIN

LOCALE_DIR = labels.LOCALE_DIR
"""Where the catalogues are kept (the tests point it at a copy)."""

CATALOGUE_LANGUAGES: tuple[str, ...] = ("fr",)
"""Languages with a catalogue; English is the message ids themselves."""

PACKAGE_DIR = Path(__file__).resolve().parents[1]
"""The ``briefing`` package, whose core modules are searched for marked messages."""

SKIPPED_FOLDERS = frozenset({"gui", "migrations"})
"""Package folders not searched: the GUI has Qt catalogues, migrations have no messages."""

LABEL_SOURCES: tuple[Path, ...] = (Path(labels.__file__).resolve(),)
"""Files whose messages must all be translated: a pack never falls back to English labels."""

KEYWORDS = {"N_": None, "NC_": ((1, "c"), 2), "NN_": (1, 2)}
"""The extraction markers (see :mod:`briefing.i18n.labels`), as Babel keyword specifications."""

_PROJECT_ROOT = PACKAGE_DIR.parent


def core_sources() -> list[Path]:
    """The Python files of the core, in a stable order."""
    return [
        path
        for path in sorted(PACKAGE_DIR.rglob("*.py"))
        if not SKIPPED_FOLDERS & set(path.relative_to(PACKAGE_DIR).parts)
    ]


def po_path(lang: str) -> Path:
    """The translator's catalogue of ``lang``."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    """The compiled catalogue of ``lang``, as the app reads it."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def extract_messages(sources: Iterable[Path] | None = None) -> Catalog:
    """Collect the marked messages of ``sources`` (the core by default) into a template, in source order."""
    template = Catalog(domain=DOMAIN, project="briefing")
    for source in core_sources() if sources is None else sources:
        location = _display_path(source)
        for lineno, message, comments, context in extract_from_file(
            "python", source, keywords=KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True
        ):
            template.add(message, locations=[(location, lineno)], auto_comments=comments, context=context)
    return template


def read_catalogue(lang: str) -> Catalog:
    """Read the ``.po`` catalogue of ``lang``."""
    with po_path(lang).open("rb") as po_file:
        return read_po(po_file, locale=lang, domain=DOMAIN)


def update_catalogue(lang: str, sources: Iterable[Path] | None = None) -> Path:
    """Bring the ``.po`` of ``lang`` in step with ``sources``: new ids added untranslated, unused ids dropped."""
    catalogue = read_catalogue(lang)
    catalogue.update(extract_messages(sources), no_fuzzy_matching=True, update_creation_date=False)
    buffer = io.BytesIO()
    write_po(buffer, catalogue, ignore_obsolete=True, include_lineno=False)
    po_path(lang).write_bytes(buffer.getvalue())
    return po_path(lang)


def compile_catalogue(lang: str) -> bytes:
    """The ``.mo`` bytes the ``.po`` of ``lang`` compiles to; fuzzy and empty translations are left out."""
    buffer = io.BytesIO()
    write_mo(buffer, read_catalogue(lang))
    return buffer.getvalue()


def compile_catalogues(languages: Iterable[str] = CATALOGUE_LANGUAGES) -> list[Path]:
    """Write the ``.mo`` file of every catalogue and return their paths."""
    written = []
    for lang in languages:
        mo_path(lang).write_bytes(compile_catalogue(lang))
        written.append(mo_path(lang))
    return written


def check_catalogue(
    lang: str, sources: Iterable[Path] | None = None, required: Iterable[Path] = LABEL_SOURCES
) -> list[str]:
    """What is wrong with the catalogue of ``lang``, one line per problem; empty when all is well.

    Every message of ``sources`` must be in the ``.po``, those of ``required`` translated and not fuzzy; the
    ``.po`` must hold no message ``sources`` do not use; and the ``.mo`` must hold what compiling the ``.po``
    gives (its messages are compared, not its bytes, which also carry the Babel version).
    """
    catalogue = read_catalogue(lang)
    used = _messages(extract_messages(sources))
    must_translate = {_key(message) for message in _messages(extract_messages(required))}
    problems = [
        _problem(lang, message, catalogue.get(message.id, message.context), _key(message) in must_translate)
        for message in used
    ]
    used_keys = {_key(message) for message in used}
    problems += [
        f"{lang}: {_name(message)} is no longer used; run update"
        for message in _messages(catalogue)
        if _key(message) not in used_keys
    ]
    if not _same_messages(compile_catalogue(lang), mo_path(lang)):
        problems.append(f"{lang}: {mo_path(lang).name} is out of date; run compile")
    return [problem for problem in problems if problem]


def untranslated(lang: str) -> list[str]:
    """The message ids of the ``.po`` of ``lang`` that are empty or fuzzy, so show in English."""
    return [_name(message) for message in _messages(read_catalogue(lang)) if not _translated(message)]


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``update``, ``compile`` or ``check`` on every catalogue; 1 when ``check`` finds problems."""
    parser = argparse.ArgumentParser(
        prog="python -m briefing.i18n.catalogue", description="Message catalogues."
    )
    parser.add_argument("command", choices=["update", "compile", "check"])
    command = parser.parse_args(argv).command
    if command == "update":
        for lang in CATALOGUE_LANGUAGES:
            print(update_catalogue(lang))
    elif command == "compile":
        for path in compile_catalogues():
            print(path)
    else:
        return _report_check()
    return 0


def _report_check() -> int:
    """Print what ``check`` finds and return the exit status."""
    problems = [problem for lang in CATALOGUE_LANGUAGES for problem in check_catalogue(lang)]
    for lang in CATALOGUE_LANGUAGES:
        for name in untranslated(lang):
            print(f"note: {lang}: {name} is not translated yet")
    print("\n".join(problems) or "catalogues are in step")
    return 1 if problems else 0


def _messages(catalogue: Catalog) -> list[Message]:
    """The messages of ``catalogue`` without its header."""
    return [message for message in catalogue if message.id]


def _key(message: Message) -> tuple[str, str | None]:
    """What tells messages apart: the (singular) id and the context."""
    msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
    return msgid, message.context


def _translated(message: Message) -> bool:
    """Whether every form of ``message`` has a translation that is not fuzzy."""
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return not message.fuzzy and all(strings)


def _problem(lang: str, used: Message, found: Message | None, must_translate: bool) -> str:
    """Why ``found``, the ``.po`` entry for the used message, will not do; empty when it will."""
    if found is None:
        return f"{lang}: {_name(used)} is missing; run update"
    if must_translate and found.fuzzy:
        return f"{lang}: {_name(used)} is fuzzy"
    if must_translate and not _translated(found):
        return f"{lang}: {_name(used)} is not translated"
    return ""


def _same_messages(compiled: bytes, mo_file: Path) -> bool:
    """Whether the ``.mo`` at ``mo_file`` holds the same messages as the ``compiled`` bytes."""
    if not mo_file.exists():
        return False
    with mo_file.open("rb") as stored:
        return _message_table(read_mo(io.BytesIO(compiled))) == _message_table(read_mo(stored))


def _message_table(catalogue: Catalog) -> set[tuple[object, object, str | None]]:
    """Id, translation and context of every message, and the plural rule, for comparing catalogues."""
    table: set[tuple[object, object, str | None]] = {
        (_hashable(message.id), _hashable(message.string), message.context)
        for message in _messages(catalogue)
    }
    table.add(("Plural-Forms", catalogue.plural_forms, None))
    return table


def _hashable(value: object) -> object:
    """``value`` with a list of plural forms turned into a tuple."""
    return tuple(value) if isinstance(value, list) else value


def _name(message: Message) -> str:
    """How a message is named in a report."""
    return f"{_key(message)[0]!r}" + (f" (context {message.context!r})" if message.context else "")


def _display_path(source: Path) -> str:
    """``source`` relative to the project, with forward slashes, as written in the ``.po``."""
    try:
        return source.resolve().relative_to(_PROJECT_ROOT).as_posix()
    except ValueError:
        return source.name


if __name__ == "__main__":
    raise SystemExit(main())
