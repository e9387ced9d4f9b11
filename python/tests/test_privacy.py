"""Personal information from Python: findings on the verdict, redact(), and the redacted column."""

from __future__ import annotations

import pytest

import postguard


def test_findings_and_redaction(tiny_clf: postguard.Classifier) -> None:
    text = "her number is 07911 123456, email jake.m@gmail.com, or call 988"
    assert tiny_clf.redact(text) == "her number is [PHONE], email [EMAIL], or call 988"
    assert tiny_clf.redact([text, "nothing here"]) == [tiny_clf.redact(text), "nothing here"]
    v = tiny_clf.classify(text)
    assert [f.kind for f in v.pii] == ["phone", "email"]
    assert v.pii[0].whose == "other" and "privacy" in v.flagged and "privacy" in v.violations
    assert text[v.pii[0].char_start : v.pii[0].char_end] == "07911 123456"
    assert v.privacy_notice is None


def test_own_details_get_a_notice_not_a_flag(tiny_clf: postguard.Classifier) -> None:
    v = tiny_clf.classify("i'm scared, text me at 07911 123456")
    assert v.pii[0].whose == "own"
    assert v.privacy_notice and "phone number" in v.privacy_notice
    assert not v.labels["privacy"].rules


def test_score_frame_redacted_column(tiny_clf: postguard.Classifier) -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"text": ["text me at 07911 123456", "hello"]})
    out = tiny_clf.score_frame(df, "text", redact=True)
    assert list(out["redacted"]) == ["text me at [PHONE]", "hello"]
    assert "privacy" in out.columns
    assert "redacted" not in tiny_clf.score_frame(df, "text").columns


def test_score_frame_redacts_context(tiny_clf: postguard.Classifier) -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "text": ["she posted it", "hello", "ok"],
            "parent": ["her number is 07911 123456, email jake.m@gmail.com", None, "nothing here"],
        }
    )
    out = tiny_clf.score_frame(df, "text", context_col="parent", redact=True)
    assert list(out["redacted"]) == ["she posted it", "hello", "ok"]
    assert list(out["redacted_context"]) == ["her number is [PHONE], email [EMAIL]", None, "nothing here"]
    assert "redacted_context" not in tiny_clf.score_frame(df, "text", redact=True).columns
    assert "redacted_context" not in tiny_clf.score_frame(df, "text", context_col="parent").columns
