"""French typography at render time: spaces, guillemets, what is left alone, idempotence."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing.i18n.typography import NARROW_NBSP, NBSP, english, for_language, french

N = NARROW_NBSP
B = NBSP


@pytest.mark.parametrize(
    ("typed", "rendered"),
    [
        ("mot;", f"mot{N};"),
        ("mot ;", f"mot{N};"),
        ("mot  ;", f"mot{N};"),
        (f"mot{B};", f"mot{N};"),
        ("mot\u2009;", f"mot{N};"),
        ("Vraiment!", f"Vraiment{N}!"),
        ("Vraiment !", f"Vraiment{N}!"),
        ("Pourquoi?", f"Pourquoi{N}?"),
        ("Pourquoi ?", f"Pourquoi{N}?"),
        ("Un; deux; trois.", f"Un{N}; deux{N}; trois."),
        ("Qui ? Quand ? Où ?", f"Qui{N}? Quand{N}? Où{N}?"),
    ],
)
def test_narrow_space_before_semicolon_exclamation_and_question_marks(typed: str, rendered: str) -> None:
    assert french(typed) == rendered


@pytest.mark.parametrize(
    ("typed", "rendered"),
    [
        ("Objet:", f"Objet{B}:"),
        ("Objet :", f"Objet{B}:"),
        ("Objet: la réunion", f"Objet{B}: la réunion"),
        ("Objet : la réunion", f"Objet{B}: la réunion"),
        (f"Objet{N}: la réunion", f"Objet{B}: la réunion"),
        ("Article 3: champ", f"Article 3{B}: champ"),
        ("Score 3 : 2", f"Score 3{B}: 2"),
    ],
)
def test_no_break_space_before_colon(typed: str, rendered: str) -> None:
    assert french(typed) == rendered


@pytest.mark.parametrize(
    ("typed", "rendered"),
    [
        ("Quoi?!", f"Quoi{N}?!"),
        ("Quoi ?!", f"Quoi{N}?!"),
        ("Non!!", f"Non{N}!!"),
        ("Non !!!", f"Non{N}!!!"),
        ("Vraiment!?", f"Vraiment{N}!?"),
        ("Quoi ? !", f"Quoi{N}? !"),
    ],
)
def test_a_run_of_marks_gets_one_space_before_and_none_inside(typed: str, rendered: str) -> None:
    assert french(typed) == rendered


@pytest.mark.parametrize(
    ("typed", "rendered"),
    [
        ("«texte»", f"«{N}texte{N}»"),
        ("« texte »", f"«{N}texte{N}»"),
        (f"«{B}texte{B}»", f"«{N}texte{N}»"),
        ("«  texte  »", f"«{N}texte{N}»"),
        ("Il a dit «oui».", f"Il a dit «{N}oui{N}»."),
        ("«Vraiment?»", f"«{N}Vraiment{N}?{N}»"),
        ("« Vraiment ? »", f"«{N}Vraiment{N}?{N}»"),
        ("le «non»;", f"le «{N}non{N}»{N};"),
        ("«»", "«»"),
        ("« »", "« »"),
    ],
)
def test_narrow_spaces_inside_guillemets(typed: str, rendered: str) -> None:
    assert french(typed) == rendered


@pytest.mark.parametrize(
    ("typed", "rendered"),
    [
        ('Il a dit "bonjour".', f"Il a dit «{N}bonjour{N}»."),
        ('"Bonjour"', f"«{N}Bonjour{N}»"),
        ('le "oui" et le "non"', f"le «{N}oui{N}» et le «{N}non{N}»"),
        ('("entre parenthèses")', f"(«{N}entre parenthèses{N}»)"),
        ('"Vraiment?"', f"«{N}Vraiment{N}?{N}»"),
        ('le "non";', f"le «{N}non{N}»{N};"),
        ('"Oui"!', f"«{N}Oui{N}»{N}!"),
        ('ligne "un"\nligne "deux"', f"ligne «{N}un{N}»\nligne «{N}deux{N}»"),
    ],
)
def test_clearly_paired_straight_quotes_become_guillemets(typed: str, rendered: str) -> None:
    assert french(typed) == rendered


@pytest.mark.parametrize(
    "typed",
    [
        'un écran de 12" et un de 15"',  # inch marks: glued to a digit on the left
        'un seul " guillemet',  # odd count
        'il a dit "oui et',  # odd count
        'le "oui" et 12"',  # three quotes: one doubtful quote keeps all as typed
        'mot"collé" ici',  # opening quote glued to a word
        '"collé"mot',  # closing quote glued to a word
        '" espace" après',  # space after the opening quote
        '"espace " avant',  # space before the closing quote
        '""',  # empty quotes
        'ligne "ouverte\nfermée" ici',  # a pair may not span lines
    ],
)
def test_doubtful_straight_quotes_are_left_as_typed(typed: str) -> None:
    assert french(typed).count('"') == typed.count('"')
    assert "«" not in french(typed)


@pytest.mark.parametrize(
    "protected",
    [
        "http://example.org/a?b=1;c=2",
        "https://example.org:8080/path?x=1&y=2#frag",
        "https://consilium.europa.eu/fr/press/?q=a:b",
        "www.example.org/page?x=1",
        "mailto:jean.dupont@example.be?subject=Réunion",
        "ftp://files.example.org/a;b",
        "jean.dupont@example.be",
        "prenom.nom+tag@sous.domaine.eu",
        "`a;b:c?d!e`",
        "`x : y`",
        '{"en": "…"}',
        "{a;b}",
        "{path}",
        r"C:\dossiers\réunion;2024",
        "C:/dossiers/a?b",
        "a::b",
        "std::vector",
        "xml:lang",
        "ST:10270",
        "10:30",
        "10:30:15",
        "3:2",
        "1:1000",
        "10h30",
        "x!=y",
        "a?b",
        "a;b",
        ":-)",
        ";-)",
        ":-(",
        ":-D",
        ":)",
        ";)",
    ],
)
def test_protected_text_is_untouched(protected: str) -> None:
    assert french(protected) == protected
    assert french(f"voir {protected} ici") == f"voir {protected} ici"


@pytest.mark.parametrize(
    ("typed", "rendered"),
    [
        ("Voir https://example.org;", f"Voir https://example.org{N};"),
        ("Voir https://example.org/a?b=1 ?", f"Voir https://example.org/a?b=1{N}?"),
        ("Site: www.example.org.", f"Site{B}: www.example.org."),
        ("Écrire à jean@example.be!", f"Écrire à jean@example.be{N}!"),
        ("Contact : jean@example.be", f"Contact{B}: jean@example.be"),
        ("Lancer `make test`;", f"Lancer `make test`{N};"),
        ("{path}: {problem}", f"{{path}}{B}: {{problem}}"),
        ('par exemple {"en": "…"} !', f'par exemple {{"en": "…"}}{N}!'),
        (r"Dossier : C:\partage\dossier", f"Dossier{B}: C:\\partage\\dossier"),
        ("Début à 10:30; fin à 12:00.", f"Début à 10:30{N}; fin à 12:00."),
        ("Rapport 3:2 ?", f"Rapport 3:2{N}?"),
        ("Merci :-)", "Merci :-)"),
        ("Merci:-)", "Merci:-)"),
        ("Merci ;-) Bonne journée!", f"Merci ;-) Bonne journée{N}!"),
    ],
)
def test_rules_still_apply_next_to_protected_text(typed: str, rendered: str) -> None:
    assert french(typed) == rendered


@pytest.mark.parametrize(
    "typed",
    [
        "; en tête",
        "? en tête",
        "!! en tête",
        ": en tête",
        "  ; après des espaces",
        "(?)",
        "(!)",
        "( ?)",
        "[?]",
        "{:}",
        "\t: après une tabulation",
        "mot\t;",
        "mot\t:",
        "»",
        "« ",
        "«",
        " »",
    ],
)
def test_nothing_added_at_line_start_after_openers_or_tabs(typed: str) -> None:
    assert french(typed) == typed


def test_each_line_starts_afresh() -> None:
    assert french("Question ?\n? seul\r\n; seul") == f"Question{N}?\n? seul\r\n; seul"
    assert french("Un;\vdeux;\fTrois;") == f"Un{N};\vdeux{N};\fTrois{N};"


@pytest.mark.parametrize(
    ("typed", "rendered"),
    [
        ("etc.)?", f"etc.){N}?"),
        ("Et alors...?", f"Et alors...{N}?"),
        ("Et alors…?", f"Et alors…{N}?"),
        ("[mot;]", f"[mot{N};]"),
        ("«mot:»", f"«{N}mot{B}:{N}»"),
        ("mot:-", f"mot{B}:-"),
        ("Prix : 10 €", f"Prix{B}: 10 €"),
    ],
)
def test_punctuation_after_closing_signs(typed: str, rendered: str) -> None:
    assert french(typed) == rendered


@pytest.mark.parametrize("typed", ["mot;)", "mot:(a)", "(voir plus haut :)"])
def test_emoticon_look_alikes_are_read_as_emoticons(typed: str) -> None:
    assert french(typed) == typed


def test_empty_and_plain_text_are_unchanged() -> None:
    assert french("") == ""
    assert french("Rien à changer.") == "Rien à changer."
    assert french("\n\n") == "\n\n"
    assert french("   ") == "   "


def test_apostrophes_between_letters_become_typographic_and_curly_quotes_are_left_as_typed() -> None:
    assert (
        french("l'ordre du jour, l’interlocuteur, aujourd'hui, “citation”")
        == "l’ordre du jour, l’interlocuteur, aujourd’hui, “citation”"
    )


@pytest.mark.parametrize(
    "text",
    [
        "'citation'",  # a straight quote that is not an apostrophe
        "un poteau de 5'",
        "voir `l'exemple` et {l'espace}",  # code and placeholders
        "https://example.org/l'adresse",
        "mailto:jean.l'ami@example.org",
    ],
)
def test_straight_quotes_outside_words_and_in_protected_text_are_left(text: str) -> None:
    assert "'" in french(text)
    assert french(text).count("'") == text.count("'")


def test_apostrophes_are_idempotent() -> None:
    once = french("qu'il l'a dit aujourd'hui")
    assert once == "qu’il l’a dit aujourd’hui"
    assert french(once) == once


TRICKY_SAMPLES = [
    "",
    "mot;",
    "mot ; mot",
    "Quoi?!",
    "Quoi ? !",
    "«texte»",
    "« texte »",
    "«»",
    "«?»",
    "« ? »",
    '"Vraiment?"',
    '"a" "b" "c"',
    'un "deux" 12"',
    '""',
    '"?"',
    '«"a"»',
    '"«a»"',
    "Voir https://example.org/a?b=1;c",
    "www.example.org:",
    "mailto:a@b.c?d",
    "a@b.c;",
    "`a ; b`;",
    "``;",
    "C:\\dir;",
    "a::b:",
    "10:30 :",
    "3:2",
    "10h30",
    ":-):",
    ":) :",
    "(?)",
    "( ?)",
    "\t;",
    "; ;",
    "::",
    ": :",
    "?!?!",
    "x\u00a0\u202f ;",
    "«\u202f»",
    "ligne;\nligne :\r\n« ligne »",
    "é;é:é!é?é",
    "1 234,5 ;",
]


@pytest.mark.parametrize("sample", TRICKY_SAMPLES)
def test_idempotent_on_tricky_samples(sample: str) -> None:
    once = french(sample)
    assert french(once) == once


_ATOMS = [
    "a",
    "Z",
    "é",
    "1",
    " ",
    "  ",
    "\u00a0",
    "\u202f",
    "\u2009",
    "\t",
    "\n",
    ";",
    ":",
    "!",
    "?",
    '"',
    "«",
    "»",
    "(",
    ")",
    "[",
    "`",
    "'",
    "’",
    ".",
    ",",
    "-",
    "/",
    "\\",
    "=",
    "@",
    "h",
    "::",
    ":-)",
    ":)",
    "10:30",
    "C:\\",
    "www.",
    "https://",
    "mailto:",
    "a@b.eu",
    "{",
    "}",
    "{x}",
]


def _random_samples(count: int, seed: int = 20240613) -> list[str]:
    """Strings made of the atoms the rules care about, the same on every run."""
    rng = random.Random(seed)
    return ["".join(rng.choice(_ATOMS) for _ in range(rng.randint(0, 16))) for _ in range(count)]


def _skeleton(text: str) -> str:
    """``text`` without horizontal spaces and with guillemets read as straight quotes."""
    kept = (char for char in text if char == "\t" or not char.isspace() or char in "\n")
    return "".join(kept).replace("«", '"').replace("»", '"').replace("’", "'")


def test_idempotent_on_generated_samples() -> None:
    for sample in _random_samples(20_000):
        once = french(sample)
        assert french(once) == once, sample


def test_only_spaces_and_quotes_change_on_generated_samples() -> None:
    for sample in _random_samples(5_000, seed=7):
        assert _skeleton(french(sample)) == _skeleton(sample), sample
        assert french(sample).count("\n") == sample.count("\n")


def test_english_is_the_identity() -> None:
    text = 'Objet : "oui" ; non ! « x »'
    assert english(text) == text


@pytest.mark.parametrize(("lang", "expected"), [("fr", f"Oui{N}!"), ("fr_BE", f"Oui{N}!"), ("en", "Oui!")])
def test_for_language_dispatches_on_the_pack_language(lang: str, expected: str) -> None:
    assert for_language("Oui!", lang) == expected


def test_for_language_refuses_a_language_no_pack_is_written_in() -> None:
    with pytest.raises(ValueError, match="de"):
        for_language("Ja!", "de")


CODE_FRAGMENTS = [
    *[
        "a",
        "b",
        "x",
        "D",
        "P",
        ".",
        "-",
        "+",
        ":",
        ";",
        "/",
        "\\",
        "@",
        "`",
        "{",
        "}",
        "(",
        ")",
        "[",
        "]",
        "|",
        "'",
        '"',
        "«",
        "»",
        "!",
        "?",
    ],
    " ",
    "mailto:",
    "MailTo:",
    "www.",
    "WWW.",
    "https",
    "://",
    "C:",
    ".eu",
    "nom",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(CODE_FRAGMENTS), max_size=14).map("".join))
@example("code `x` ;")
@example("{nom} :")
@example("voir https://x.eu/a ;")
@example("WWW.x.eu !")
@example("mailto:a@b.eu ?")
@example("nom@x.eu ;")
@example("C:\\\\dossier ;")
@example("c:/x ?")
@example(":-) !")
@example(";) ?")
@example(":( ;")
@example(";-P :")
def test_the_quick_look_for_code_never_misses_what_the_full_search_protects(line: str) -> None:
    """Lines without a sign of code, a URL, an address or an emoticon skip the full search: it finds nothing."""
    from briefing.i18n import typography

    full = [False] * len(line)
    for match in typography._PROTECTED.finditer(line):
        full[match.start() : match.end()] = [True] * (match.end() - match.start())
    assert typography._protected_mask(line) == full


LINE_BREAKS = re.compile(r"(\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])")
"""Every line break Unicode names (what ``str.splitlines`` breaks at), the break kept as it is."""


@settings(max_examples=400, deadline=None)
@example("Bonjour : oui\r\nNon ; merci\u2028« oui »\x85fin !")
@given(
    st.lists(
        st.sampled_from(
            [
                "mot",
                " ",
                ":",
                ";",
                "!",
                "«",
                "»",
                '"',
                "'",
                "l'Union",
                *"\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029",
            ]
        ),
        max_size=16,
    ).map("".join)
)
def test_french_applies_its_rules_line_by_line_and_keeps_every_break(text: str) -> None:
    from briefing.i18n import typography

    parts = LINE_BREAKS.split(text)
    expected = "".join(
        part if index % 2 else typography._french_line(part) for index, part in enumerate(parts)
    )
    assert french(text) == expected
