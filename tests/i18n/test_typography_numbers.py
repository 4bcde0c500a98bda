"""French typography around numbers: digit groups, decimals, percentages, times and dates are left as typed,
while the punctuation rules still apply next to them (the rest of the rules are in test_typography.py)."""

from __future__ import annotations

import pytest

from briefing.i18n.typography import NARROW_NBSP, NBSP, french

N = NARROW_NBSP
B = NBSP


@pytest.mark.parametrize(
    "typed",
    [
        "1 234,5 €",
        f"1{N}234,5",
        f"1{B}234 567,89",
        "3,5 %",
        "10 h 30",
        "le 13/06/2024",
        "2021-2025",
        "ST 10270/24",
        "version 1.2.3",
        "+32 2 123 45 67",
    ],
)
def test_numbers_are_left_as_typed(typed: str) -> None:
    assert french(typed) == typed
    assert french(f"voir {typed} ici") == f"voir {typed} ici"


@pytest.mark.parametrize(
    ("typed", "rendered"),
    [
        ("En 2024?", f"En 2024{N}?"),
        ("Le taux est de 3,5 % ?", f"Le taux est de 3,5 %{N}?"),
        ("Article 3: 1 234 personnes", f"Article 3{B}: 1 234 personnes"),
        ("Total : 12;", f"Total{B}: 12{N};"),
        (f"Montant: 1{B}234,50 €!", f"Montant{B}: 1{B}234,50 €{N}!"),
        ("Combien? 1 234!", f"Combien{N}? 1 234{N}!"),
        ("« 2024 »", f"«{N}2024{N}»"),
        ("«1 234»", f"«{N}1 234{N}»"),
        ("le 13/06/2024 ; puis", f"le 13/06/2024{N}; puis"),
        ("de 10 h 30 à 12 h 00 : pause", f"de 10 h 30 à 12 h 00{B}: pause"),
    ],
)
def test_punctuation_rules_apply_next_to_numbers(typed: str, rendered: str) -> None:
    assert french(typed) == rendered
    assert french(rendered) == rendered
