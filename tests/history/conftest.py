"""Fixtures for the export history: the sample library with one meeting, and changes made to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.store import Library

MEETING = "jha-test"


def block_of(library: Library, item_key: str, part: str = "body") -> int:
    """The id of the text ``part`` ("body", "question", "answer") of the item ``item_key``."""
    with library.reading() as uow:
        ident: int = getattr(uow.items.require(item_key), f"{part}_id")
        return ident


@pytest.fixture
def outputs(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


REVIEW_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Review(source As String, target As String, action As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, 0, load())
  count = doc.Redlines.Count
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  If action = &quot;accept&quot; Then
    helper.executeDispatch(doc.CurrentController.Frame, &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Else
    helper.executeDispatch(doc.CurrentController.Frame, &quot;.uno:RejectAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  End If
  Dim save(0) As New com.sun.star.beans.PropertyValue
  save(0).Name = &quot;FilterName&quot;
  save(0).Value = &quot;Text (encoded)&quot;
  doc.storeToURL(ConvertToURL(target), save())
  doc.close(True)
  Open target &amp; &quot;.count&quot; For Output As #1
  Print #1, count
  Close #1
End Sub
</script:module>
"""


class Reviewer:
    """LibreOffice opening a Word file, accepting or rejecting all its tracked changes, and saving the text.

    A Basic macro in a private LibreOffice profile does it, headless: what a reader gets from the review pane.
    """

    def __init__(self, soffice: str, profile: Path) -> None:
        import subprocess

        self.soffice = soffice
        self.profile = profile
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--terminate_after_init"],
            check=True, capture_output=True, timeout=300, env=self.env,
        )  # fmt: skip
        (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(REVIEW_MACRO, encoding="utf-8")

    @property
    def env(self) -> dict[str, str]:
        import os

        return {**os.environ, "HOME": str(self.profile)}

    def review(self, document: Path, action: str) -> tuple[str, int]:
        """The text of ``document`` with every change accepted (``action`` "accept") or rejected, and the number
        of tracked changes LibreOffice found in it."""
        import subprocess

        target = document.with_name(f"{document.stem}-{action}.txt")
        macro = f'macro:///Standard.Module1.Review("{document}","{target}","{action}")'
        subprocess.run(
            [self.soffice, f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--norestore", macro],
            check=True, capture_output=True, timeout=300, env=self.env,
        )  # fmt: skip
        count = int(Path(f"{target}.count").read_text(encoding="utf-8").strip())
        return target.read_text(encoding="utf-8-sig"), count


@pytest.fixture(scope="session")
def reviewer(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> Reviewer:
    return Reviewer(soffice, tmp_path_factory.mktemp("lo-review-profile"))
