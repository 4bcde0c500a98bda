"""Reading glossaries: CSV with its bad rows, TBX as IATE exports it, and hostile TBX files."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from briefing.errors import InterchangeError
from briefing.glossary import GlossaryTerm, load_csv, load_glossary, load_tbx

# --- CSV ------------------------------------------------------------------------------------------------------


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_with_and_without_byte_order_mark(tmp_path: Path) -> None:
    text = "en,fr,note\norganised crime,criminalité organisée,Programme\nSchengen area,espace Schengen,\n"
    expected = [
        GlossaryTerm("organised crime", "criminalité organisée", "Programme"),
        GlossaryTerm("Schengen area", "espace Schengen", ""),
    ]
    assert list(load_csv(write(tmp_path / "plain.csv", text))) == expected
    assert list(load_csv(write(tmp_path / "bom.csv", text, "utf-8-sig"))) == expected


def test_csv_header_variants(tmp_path: Path) -> None:
    text = (
        "\ufeff FR , source, EN\r\n"
        '"criminalité organisée, grave",IATE,"organised crime, serious"\r\n'
        "\r\n"
        ",,\r\n"
        "espace Schengen,,Schengen area\r\n"
    )
    assert list(load_csv(write(tmp_path / "g.csv", text))) == [
        GlossaryTerm("organised crime, serious", "criminalité organisée, grave"),
        GlossaryTerm("Schengen area", "espace Schengen"),
    ]


@pytest.mark.parametrize("separator", [";", "\t"])
def test_csv_saved_by_a_spreadsheet_with_french_settings(tmp_path: Path, separator: str) -> None:
    text = f"en{separator}fr{separator}note\norganised crime{separator}criminalité organisée{separator}\n"
    assert list(load_csv(write(tmp_path / "g.csv", text))) == [
        GlossaryTerm("organised crime", "criminalité organisée")
    ]


def test_csv_line_breaks_inside_quotes(tmp_path: Path) -> None:
    text = 'en,fr,note\nvisa policy,politique de visa,"two\nlines"\nbad row,\n'
    with pytest.raises(InterchangeError) as caught:
        load_csv(write(tmp_path / "g.csv", text))
    assert "row 3: the French term is empty" in caught.value.message("en")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "en,fr\norganised crime,criminalité organisée\n,espace Schengen\n",
            "row 3: the English term is empty",
        ),
        ("en,fr\norganised crime,\n", "row 2: the French term is empty"),
        ("en,fr\norganised crime\n", "row 2: the French term is empty"),
        ("en,fr\n---,…\n", "row 2: the English term is empty"),
        ("en,fr\na,b\nc,d,e\n", "row 3: 3 fields where the header has 2"),
        ("english,french\na,b\n", "the first row must name the columns en, fr and optionally note (found: "),
        ("en,en,fr\na,b,c\n", "the column “en” appears twice in the header"),
        ("", "is empty; its first row must name the columns en, fr and optionally note."),
        ('en,fr\n"unclosed,b\n', "row 2: not readable as CSV"),
    ],
)
def test_bad_csv(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "bad.csv", text)
    with pytest.raises(InterchangeError) as caught:
        load_csv(path)
    assert message in caught.value.message("en")
    assert str(path) in caught.value.message("en")


def test_bad_csv_row_in_french(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.csv", "en,fr\norganised crime,\n")
    with pytest.raises(InterchangeError) as caught:
        load_csv(path)
    assert caught.value.message("fr") == f"{path}, ligne 2\u00a0: le terme français est vide"


def test_csv_that_is_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path / "latin1.csv", "en,fr\norganised crime,criminalité organisée\n", "latin-1")
    with pytest.raises(InterchangeError, match="is not UTF-8 text"):
        load_csv(path)


def test_csv_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError, match="Cannot read"):
        load_csv(tmp_path / "missing.csv")


# --- TBX ------------------------------------------------------------------------------------------------------

IATE_EXPORT = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "{dtd}">
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>IATE export</p></sourceDesc></fileDesc></martifHeader>
  <text>
    <body>
      <termEntry id="IATE-1234">
        <descripGrp><descrip type="subjectField">criminal law</descrip></descripGrp>
        <langSet xml:lang="en">
          <tig><term>organised crime</term><termNote type="termType">fullForm</termNote></tig>
          <tig><term>organized crime</term></tig>
        </langSet>
        <langSet xml:lang="fr">
          <ntig>
            <termGrp><term>criminalité organisée</term></termGrp>
            <descrip type="reliabilityCode">3</descrip>
          </ntig>
          <ntig>
            <termGrp>
              <term>crime organisé</term>
              <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
            </termGrp>
          </ntig>
        </langSet>
        <langSet xml:lang="de"><tig><term>organisierte Kriminalität</term></tig></langSet>
      </termEntry>
      <termEntry id="IATE-5678">
        <langSet xml:lang="en-GB"><tig><term>Schengen  area</term></tig></langSet>
        <langSet xml:lang="FR"><tig><term>espace Schengen &amp; co</term></tig></langSet>
      </termEntry>
      <termEntry id="IATE-9999">
        <langSet xml:lang="en"><tig><term>only English</term></tig></langSet>
      </termEntry>
    </body>
  </text>
</martif>
"""


def test_tbx_as_iate_exports_it(tmp_path: Path) -> None:
    path = write(tmp_path / "iate.tbx", IATE_EXPORT.format(dtd="TBXcoreStructV02.dtd"))
    assert list(load_tbx(path)) == [
        GlossaryTerm("organised crime", "criminalité organisée", "IATE-1234; criminal law"),
        GlossaryTerm("organized crime", "criminalité organisée", "IATE-1234; criminal law"),
        GlossaryTerm("Schengen area", "espace Schengen & co", "IATE-5678"),
    ]
    assert len(load_glossary(path)) == 3


def test_tbx_3_with_a_namespace(tmp_path: Path) -> None:
    text = """<?xml version="1.0"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Core" style="dca" xml:lang="en">
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="en"><termSec><term>external borders</term></termSec></langSec>
      <langSec xml:lang="fr"><termSec><term>frontières extérieures</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>"""
    assert list(load_tbx(write(tmp_path / "v3.tbx", text))) == [
        GlossaryTerm("external borders", "frontières extérieures", "c1")
    ]


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.requests.append(self.path)
        body = b'<!ENTITY secret "FETCHED">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """A local web server recording every request made to it."""
    _Recorder.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_the_dtd_a_tbx_names_is_never_fetched(tmp_path: Path, server: str) -> None:
    path = write(tmp_path / "iate.tbx", IATE_EXPORT.format(dtd=f"{server}/TBXcoreStructV02.dtd"))
    assert len(load_tbx(path)) == 3
    assert _Recorder.requests == []


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE martif [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<martif><text><body><termEntry>
  <langSet xml:lang="en"><tig><term>&lol9;</term></tig></langSet>
  <langSet xml:lang="fr"><tig><term>&lol9;</term></tig></langSet>
</termEntry></body></text></martif>
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_billion_laughs_is_refused_without_expanding(tmp_path: Path, encoding: str) -> None:
    text = BILLION_LAUGHS.replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{encoding}"?>')
    path = write(tmp_path / "bomb.tbx", text, encoding)
    started = time.perf_counter()
    with pytest.raises(InterchangeError) as caught:
        load_tbx(path)
    assert time.perf_counter() - started < 1.0
    assert "declares XML entities" in caught.value.message("en")
    assert "lollol" not in caught.value.message("en")


def test_external_entities_are_never_resolved(tmp_path: Path, server: str) -> None:
    secret = write(tmp_path / "secret.txt", "TOP-SECRET-CONTENT")
    text = f"""<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "{server}/evil.dtd" [
  <!ENTITY file SYSTEM "{secret.as_uri()}">
  <!ENTITY web SYSTEM "{server}/secret">
  <!ENTITY % remote SYSTEM "{server}/remote.dtd">
  %remote;
]>
<martif><text><body><termEntry>
  <langSet xml:lang="en"><tig><term>&file;</term></tig></langSet>
  <langSet xml:lang="fr"><tig><term>&web; &secret;</term></tig></langSet>
</termEntry></body></text></martif>
"""
    with pytest.raises(InterchangeError) as caught:
        load_tbx(write(tmp_path / "xxe.tbx", text))
    assert "declares XML entities" in caught.value.message("en")
    assert "TOP-SECRET" not in caught.value.message("en")
    assert _Recorder.requests == []


def test_entity_references_without_declaration_are_refused(tmp_path: Path, server: str) -> None:
    # With an external DTD named but not loaded, an unknown entity is left unresolved: refused all the same.
    text = IATE_EXPORT.format(dtd=f"{server}/x.dtd").replace("organised crime</term>", "&oc;</term>", 1)
    with pytest.raises(InterchangeError, match="declares XML entities"):
        load_tbx(write(tmp_path / "ref.tbx", text))
    # Without a DTD at all, it is not well-formed XML.
    plain = IATE_EXPORT.replace('<!DOCTYPE martif SYSTEM "{dtd}">\n', "").replace(
        "organised crime</term>", "&oc;</term>", 1
    )
    with pytest.raises(InterchangeError, match="not well-formed XML"):
        load_tbx(write(tmp_path / "plain.tbx", plain))
    assert _Recorder.requests == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not xml at all", "is not well-formed XML (line 1"),
        ("<martif><text><body>", "is not well-formed XML"),
        ('<?xml version="1.0"?><html><body/></html>', "is not a TBX file: its root element is “html”"),
        ("<martif><text><body/></text></martif>", "holds no term with both an English and a French version"),
    ],
)
def test_bad_tbx(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InterchangeError) as caught:
        load_tbx(write(tmp_path / "bad.tbx", text))
    assert message in caught.value.message("en")


def test_bad_tbx_message_in_french(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.tbx", "<html/>")
    with pytest.raises(InterchangeError) as caught:
        load_tbx(path)
    assert caught.value.message("fr") == (
        f"{path} n’est pas un fichier TBX\u00a0: son élément racine est «\u202fhtml\u202f» au lieu de "
        "martif ou tbx."
    )
