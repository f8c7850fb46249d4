"""The statements stage, kind by kind, on short texts: forms that must be read, forms that must not.

Examples come from the corpus (the release each is from is named), trimmed to the
sentence that matters; the negative examples are words near the cues that state
nothing (a quoted term, guidance looked back on, a debt level, a borrowing base).
"""

from __future__ import annotations

import re
import time
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pressfacts import extract_text
from pressfacts.cli import app
from pressfacts.context import infer_calendar
from pressfacts.document import text_document
from pressfacts.mentions import find_mentions
from pressfacts.models import Span
from pressfacts.outputs import release_dict
from pressfacts.periods import find_period_refs
from pressfacts.pipeline import prose_regions
from pressfacts.statements import (
    StatementContext,
    build_context,
    contacts,
    debt,
    find_statements,
    outlook_metrics,
    sections,
)
from pressfacts.statements import context as statement_context
from pressfacts.statements.figures import figure_groups
from pressfacts.statements.quote_marks import MARK_RE, _marks
from pressfacts.statements.speakers import parse_who
from pressfacts.statements.vocabulary import VOCABULARY, alternation, words, words_re, words_scan
from tests.corpus import DATA

DATELINE = (
    "ACME Corp. (NASDAQ: ACME) today reported results for the fourth quarter ended December 31, 2003.\n\n"
)


def statements(text: str, kind: str | None = None) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = release_dict(extract_text(DATELINE + text))["statements"]
    return [s for s in found if kind is None or s["kind"] == kind]


# --------------------------------------------------------------------------- quotes


@pytest.mark.parametrize(
    ("words", "name", "title"),
    [
        ("Chairman W. Barry Gilbert", "W. Barry Gilbert", "Chairman"),  # iec
        ("Jensen Huang, founder and CEO of NVIDIA", "Jensen Huang", "founder and CEO of NVIDIA"),  # nvidia
        ("ManTech President and Chief Executive Officer, Kevin M. Phillips", "Kevin M. Phillips",
         "ManTech President and Chief Executive Officer"),  # mantech
        ("Commenting on the first quarter results, Kevin O’Connor, President and CEO", "Kevin O’Connor",
         "President and CEO"),  # bridge
        ("Reshma Kewalramani, M.D., Chief Executive Officer and President of Vertex", "Reshma Kewalramani",
         "Chief Executive Officer and President of Vertex"),  # vertex
        ("Mr. Eric Sills, Standard Motor Products’ Chief Executive Officer and President", "Eric Sills",
         "Standard Motor Products’ Chief Executive Officer and President"),  # standard motor
        ("Cantel Medical Corp. R. James Danehy, Minntech's President and Chief Executive Officer",
         "R. James Danehy", "Minntech's President and Chief Executive Officer"),  # minntech
        ("Gilbert", "Gilbert", None),
    ],
)  # fmt: skip
def test_attribution_words_give_name_and_title(words: str, name: str, title: str | None) -> None:
    who = parse_who(words, Span(0, len(words)))
    assert who is not None
    assert who.name is not None
    assert words[who.name.start : who.name.end] == name
    assert (words[who.title.start : who.title.end] if who.title else None) == title


def test_surname_resolves_to_the_full_name_and_title_given_before() -> None:
    quotes = statements(
        'Chairman W. Barry Gilbert said, "We are pleased with this year\'s results."\n\n'
        'Gilbert continued, "Our goal is to steadily increase the value of our stock."'
    )
    assert [(q["speaker"], q["title"], q["attribution"]) for q in quotes] == [
        ("W. Barry Gilbert", "Chairman", "Chairman W. Barry Gilbert said"),
        ("W. Barry Gilbert", "Chairman", "Gilbert continued"),
    ]


def test_quote_after_attribution_runs_on_to_the_next_quoted_words() -> None:
    # microsoft: "...," said Satya Nadella, chief executive officer of Microsoft. "Our durable ..."
    (quote,) = statements(
        '"Revenue grew in every region," said Jane Doe, chief executive officer of ACME. '
        '"We are well placed for what is ahead."'
    )
    assert quote["speaker"] == "Jane Doe"
    assert quote["title"] == "chief executive officer of ACME"
    assert quote["text"] == "Revenue grew in every region, We are well placed for what is ahead."
    assert len(quote["text_spans"]) == 2


def test_quote_over_paragraphs_and_pronoun() -> None:
    # nvidia: a paragraph left open, the next opened again, then '," he said.'
    quotes = statements(
        '"A new computing era has begun," said Jensen Huang, founder and CEO of NVIDIA.\n\n'
        '"NVIDIA GPUs make up the computing infrastructure of generative AI.\n\n'
        '"The race is on to adopt generative AI," he said.'
    )
    assert [q["speaker"] for q in quotes] == ["Jensen Huang", "Jensen Huang"]
    assert quotes[1]["text"].startswith("NVIDIA GPUs")
    assert quotes[1]["text"].endswith("generative AI,")
    assert len(quotes[1]["text_spans"]) == 2


def test_attribution_ending_the_paragraph_before() -> None:
    # oil states: 'Oil States' President and Chief Executive Officer, Cindy B. Taylor, stated,' alone
    (quote,) = statements(
        "ACME's President and Chief Executive Officer, Cindy B. Taylor, stated,\n\n"
        '"While our first quarter results exceeded our plan, activity is declining."'
    )
    assert (quote["speaker"], quote["title"]) == (
        "Cindy B. Taylor",
        "ACME's President and Chief Executive Officer",
    )


def test_a_term_quoted_inside_a_quote_does_not_end_it() -> None:
    # bridge: "We decided to implement the new accounting standard for credit losses “CECL” and ..."
    (quote,) = statements(
        "“We decided to implement the new standard for credit losses “CECL” and not delay adoption,” "
        "noted Mr. O’Connor."
    )
    assert quote["text"].endswith("and not delay adoption,")


@pytest.mark.parametrize(
    "text",
    [
        'See the section entitled "Risk Factors" in our annual report on Form 10-K.',
        'ACME Inc. (the "Company") reported results.',
        'Investors may listen to the call under "Presentations & Audio Archives," or go directly to the site.',
        "“We continued to grow this quarter,” the report said.",
    ],
)
def test_quoted_words_without_a_speaker_are_no_quote(text: str) -> None:
    assert statements(text, "quote") == []


# --------------------------------------------------------------------------- outlook


def figures_of(text: str) -> list[tuple[Any, ...]]:
    groups = figure_groups(text, find_mentions(text))
    return [
        (g.value, g.low, g.high, g.approximate, g.tolerance, g.tolerance_unit, g.pair, g.aside)
        for g in groups
    ]


def test_figures_points_ranges_pairs_and_tolerance() -> None:
    million = Decimal("1E+6")
    assert figures_of("revenue of $10 to $11 million") == [
        (None, 10 * million, 11 * million, None, None, None, None, False)
    ]
    assert figures_of("EPS outlook of $2.66-$2.86")[0][1:3] == (Decimal("2.66"), Decimal("2.86"))
    assert figures_of("to be between $0.00 and $0.10")[0][1:3] == (Decimal("0.00"), Decimal("0.10"))
    assert figures_of("expected to be $16.00 billion, plus or minus 2%") == [
        (Decimal("16.00E+9"), None, None, None, Decimal(2), "percent", None, False)
    ]
    (pair,) = figures_of("approximately $2.95 billion and $2.00 billion, respectively")
    assert pair[3] == "approximately"
    assert pair[6] == (Decimal("2.95E+9"), Decimal("2.00E+9"))
    assert figures_of("including $0.03 to $0.05 per share")[0][-1] is True
    assert figures_of("margins in the mid-70% range")[0][-1] is True


def test_outlook_range_for_the_next_quarter() -> None:
    (outlook,) = statements(
        "The Company expects revenue of $10 to $11 million for the first quarter.", "outlook"
    )
    assert (outlook["metric"], outlook["low"], outlook["high"], outlook["unit"]) == (
        "revenue", 10_000_000, 11_000_000, "USD"
    )  # fmt: skip
    # The first quarter after a release for the fourth: the next fiscal year's, not the last one's.
    assert outlook["period"] == {"end": "2004-03-31", "months": 3, "label": "Q1 FY2004"}
    assert outlook["when"] == "first quarter"


def test_outlook_full_year_eps_with_a_basis_note() -> None:
    # sears: "For the year, the company now expects earnings per share, before ..., to be between ..."
    (outlook,) = statements(
        "For the year, the company now expects earnings per share, before the cumulative effect of "
        "change in accounting principle, but including $0.24 per share related to special charges, "
        "to be between $2.66 and $2.86.",
        "outlook",
    )
    assert (outlook["metric"], outlook["low"], outlook["high"], outlook["basis"]) == (
        "eps",
        2.66,
        2.86,
        "non_gaap",
    )
    assert outlook["basis_note"] == "before the cumulative effect of change in accounting principle"
    assert outlook["period"]["label"] == "FY2004"


def test_outlook_period_named_before_a_list() -> None:
    # nvidia: "NVIDIA's outlook for the third quarter of fiscal 2024 is as follows:" then one line a metric
    found = statements(
        "ACME's outlook for the second quarter of fiscal 2004 is as follows:\n\n"
        "Revenue is expected to be $16.00 billion, plus or minus 2%.\n\n"
        "GAAP and non-GAAP gross margins are expected to be 71.5% and 72.5%, respectively.",
        "outlook",
    )
    assert [(o["metric"], o["basis"], o["value"], o["period"]["label"]) for o in found] == [
        ("revenue", "gaap", 16_000_000_000, "Q2 FY2004"),
        ("gross_margin", "gaap", 71.5, "Q2 FY2004"),
        ("gross_margin", "non_gaap", 72.5, "Q2 FY2004"),
    ]
    assert (found[0]["tolerance"], found[0]["tolerance_unit"]) == (2, "percent")


@pytest.mark.parametrize(
    "text",
    [
        "Revenue for the quarter exceeded our guidance of $10 million.",  # oil states
        "The Company is withdrawing its full-year guidance of $2.65 to $3.15 per share.",  # warrior, azz
        "Revenue was $35.0 billion and increased 15%.",
        "This release contains guidance on third quarter revenues, gross margins and earnings per share.",
    ],
)
def test_no_outlook(text: str) -> None:
    assert statements(text, "outlook") == []


# --------------------------------------------------------------------------- debt, items, customers


def test_debt_changes_with_qualifier_period_and_since_date() -> None:
    found = statements(
        "For the quarter we reduced our total long-term debt by more than $800,000 and for the period "
        "since our refinancing on January 15th by $2.7 million dollars.",
        "debt",
    )
    assert [(d["action"], d["amount"], d["approximate"], d["since"]) for d in found] == [
        ("reduction", 800_000, "more than", None),
        ("reduction", 2_700_000, None, "2003-01-15"),
    ]
    assert found[0]["period"]["label"] == "Q4 FY2003"
    assert found[0]["instrument"] == "total long-term debt"


def test_planned_debt_retirement_by_year_end() -> None:
    # sears
    found = statements(
        "The company retired $600 million of domestic term debt in the fourth quarter of 2003 and "
        "expects to retire an additional $200 million by year-end 2004.",
        "debt",
    )
    assert [(d["amount"], d["planned"], d["period"]["label"]) for d in found] == [
        (600_000_000, False, "Q4 FY2003"),
        (200_000_000, True, "FY2004"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The company's domestic term debt position has been reduced to $2.9 billion.",  # sears: a level
        "The borrowing base under the credit facility was reaffirmed at $2.85 billion.",  # antero
        "Long-term debt was $8,456 million at the end of the quarter.",
    ],
)
def test_no_debt_change(text: str) -> None:
    assert statements(text, "debt") == []


def test_one_time_charge_with_per_share_amount_and_reason() -> None:
    # sears
    (item,) = statements(
        "In the fourth quarter of 2003, ACME recorded a pretax charge of $28 million, or $0.06 per share, "
        "for severance costs associated with productivity improvement initiatives.",
        "one_time_item",
    )
    assert (item["amount"], item["per_share"], item["period"]["label"]) == (28_000_000, 0.06, "Q4 FY2003")
    assert item["description"] == "severance costs associated with productivity improvement initiatives"


def test_a_gain_is_one_time_only_when_the_words_say_so() -> None:
    # st joe: an investment gain is part of results, not an item set apart
    text = (
        "The Company reported an investment loss for the quarter as compared to a $6.0 million gain in 2002."
    )
    assert statements(text, "one_time_item") == []


def test_customers_gained_and_lost() -> None:
    found = statements(
        "Despite the previously reported loss of one of the Company's largest accounts in Motorola, "
        "we added over 110 net new clients and maintained high client retention.",
        "customer_event",
    )
    assert [(c["change"], c["customer"], c["count"], c["approximate"]) for c in found] == [
        ("lost", "Motorola", None, None),
        ("gained", None, 110, "over"),
    ]


def test_no_customer_event() -> None:
    text = "Risks include the Company's ability to attract new clients and retain existing clients."
    assert statements(text, "customer_event") == []


# --------------------------------------------------------------------------- sections, contacts


def test_sections_and_contact_block() -> None:
    text = (
        "About ACME\n\nACME Corp. is a maker of widgets for the semiconductor industry worldwide.\n\n"
        "Forward-Looking Statements\n\n"
        "This release contains forward-looking statements that involve risks and uncertainties. Actual "
        "results could differ materially from those projected because of factors such as:\n\n"
        "•\n\ncompetition in all of our markets;\n\n"
        "The company undertakes no duty to update any forward-looking statement.\n\n"
        "Contact:\nJane Doe\nInvestor Relations\n(555) 123-4567\njane.doe@acme.com\n"
    )
    found = statements(text)
    sections = {s["section"]: s for s in found if s["kind"] == "section"}
    assert sections["about"]["heading"] == "About ACME"
    assert sections["about"]["quote"].endswith("worldwide.")
    assert sections["forward_looking"]["heading"] == "Forward-Looking Statements"
    assert sections["forward_looking"]["quote"].endswith("any forward-looking statement.")
    (contact,) = [s for s in found if s["kind"] == "contact"]
    assert (contact["name"], contact["title"], contact["phone"], contact["email"]) == (
        "Jane Doe", "Investor Relations", "(555) 123-4567", "jane.doe@acme.com"
    )  # fmt: skip


def test_company_description_without_heading() -> None:
    # iec: "IEC is a full service, ISO-9001 registered EMS provider."
    (section,) = statements(
        "ACME is a full service maker of widgets for the semiconductor industry.", "section"
    )
    assert (section["section"], section["heading"]) == ("about", None)


def test_two_contacts_on_one_line() -> None:
    # sears: "News Media Contact, Edgar P. McDougal, +1-847-286-9669, or Investor Contact, ..."
    found = statements(
        "/CONTACT:  News Media Contact, Edgar P. McDougal, +1-847-286-9669, or\n"
        "Investor Contact, Scott A. Bohaboy, +1-847-286-7419, both of ACME/",
        "contact",
    )
    assert [(c["name"], c["title"], c["phone"]) for c in found] == [
        ("Edgar P. McDougal", "News Media Contact", "+1-847-286-9669"),
        ("Scott A. Bohaboy", "Investor Contact", "+1-847-286-7419"),
    ]


# --------------------------------------------------------------------------- the stage


def test_statements_are_in_text_order_with_kind_span_and_quote() -> None:
    release = extract_text((DATA / "iec-2003-q4.txt").read_text(), name="iec-2003-q4.txt")
    found = release_dict(release)["statements"]
    assert [s["span"]["start"] for s in found] == sorted(s["span"]["start"] for s in found)
    assert all({"kind", "span", "quote"} <= s.keys() for s in found)
    assert extract_text("", name="empty.txt").statements == []


def test_table_format_prints_the_statements_after_the_facts() -> None:
    result = CliRunner().invoke(app, ["extract", str(DATA / "iec-2003-q4.txt"), "--format", "table"])
    assert result.exit_code == 0
    assert result.stdout.index("statements") > result.stdout.index("net_income")
    assert "Heather Keenan" in result.stdout


def context_of(text: str) -> StatementContext:
    """The statements stage's input for a bare text, as the pipeline builds it."""
    document = text_document("hostile.txt", text)
    regions = prose_regions(document)
    refs = find_period_refs(text, regions)
    return build_context(document, regions, infer_calendar(refs, None), refs)


@pytest.mark.parametrize(
    "text",
    [
        '"' * 20_000 + " said " * 5_000,
        ('"a,' + " said X, " * 3) * 3_000,
        "$1 to " * 20_000 + "expects revenue",
        "expects revenue of " + "$1, or $2 per share, " * 5_000,
        "Contact: " + "Jane Doe, (555) 123-4567, " * 3_000,
        "reduced debt by $1 and for the year " * 4_000,
        "About ACME: " * 10_000,
        "pretax charge of $1 million, or $0.01 per share, for " * 3_000,
        "We reduced debt by $1 and for the year by $2. " * 3_000,
        "It expects revenue of $1 to $2 and EPS of $1, or $2 per share, for the year. " * 2_000,
        "ACME recorded a pretax charge of $1 million, or $0.01 per share, for severance. " * 2_000,
        "He said, “We grew “fast” and “far” this year,” she said. " * 2_000,
        "We added three new customers after the loss of our largest account in Acme. " * 2_000,
    ],
)
def test_hostile_text_finishes_quickly(text: str) -> None:
    """Long runs of the words the rules look for: the stage stays about linear (the facts stage is not timed)."""
    context = context_of(text)
    started = time.perf_counter()
    find_statements(context)
    assert time.perf_counter() - started < 3


def test_every_vocabulary_word_is_a_valid_bounded_pattern() -> None:
    """vocabulary.toml is data: each fragment compiles, and none repeats without bound (but a word's `\\w*`)."""
    for kind, tables in VOCABULARY.items():
        for name, entries in tables.items():
            for entry in entries:
                fragment = entry[-1] if isinstance(entry, list) else entry
                re.compile(fragment)
                assert not re.search(r"(?<!\\)[*+](?!\?)|\{\d+,\}", fragment.replace("\\w*", "")), (
                    kind,
                    name,
                )


def test_every_word_of_a_list_holds_one_of_its_keywords() -> None:
    """A list's `<name>_keywords` pass sentences over before the list runs: each is a plain
    lower-case word, and each fragment of the list names one of them (a cheap guard, not a proof)."""
    for kind, tables in VOCABULARY.items():
        for name, keywords in tables.items():
            if not name.endswith("_keywords"):
                continue
            assert all(re.fullmatch(r"[a-z][a-z\-]*", keyword) for keyword in keywords), (kind, name)
            for fragment in tables[name.removesuffix("_keywords")]:
                assert any(keyword in fragment.lower() for keyword in keywords), (kind, name, fragment)


def test_keywords_are_found_in_any_case_where_the_text_lowers_unevenly() -> None:
    """The dotted capital I lowers to two characters, the long s and the Kelvin sign to themselves:
    the keywords still find every sentence a case-insensitive search finds, at its place."""
    text = "\u0130\u0130 We drew on our credit facil\u0130ty. We added \u212aey clients. Our debt is \u017fecured."
    context = context_of(text)
    for word in ("facility", "key", "secured", "clients", "debt"):
        expected = [s for s in context.value_sentences() if re.search(word, text[s.start : s.end], re.I)]
        assert context.value_sentences_holding([word]) == expected
        assert len(expected) == 1


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="aAbBdeEtT .\n\0\u0130\u212a-", max_size=300),
    st.lists(st.text(alphabet="abdekt-", min_size=1, max_size=4), min_size=1, max_size=4),
)
def test_keywords_are_looked_for_in_the_value_sentences_alone(text: str, keywords: list[str]) -> None:
    """Searching the joined value sentences finds the sentences that hold a keyword whole in the
    lowered text, as searching the whole lowered text did (long sentences made common here)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(statement_context, "LONGEST_SENTENCE", 40)
        context = context_of(text)
        expected = [
            s
            for s in context.value_sentences()
            if any(keyword in context.lowered[s.start : s.end] for keyword in keywords)
        ]
        assert context.value_sentences_holding(keywords) == expected


@given(st.text(alphabet='ab "“”\n', max_size=200))
def test_quotation_marks_are_found_where_the_pattern_finds_them(text: str) -> None:
    assert _marks(text) == [m.start() for m in MARK_RE.finditer(text)]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="a1 5.-+()@\n", max_size=120), st.data())
def test_phones_and_emails_are_those_the_patterns_find(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=len(text)))
    expected = [
        *(m.span() for m in contacts.PHONE_RE.finditer(text, start, end)),
        *(m.span() for m in contacts.EMAIL_RE.finditer(text, start, end)),
    ]
    assert contacts._phones_and_emails(text, start, end) == expected


SCANNED_LISTS = [
    words("one_time", "cues"),
    words("outlook", "cues"),
    [*words("outlook", "skip"), *words("sections", "forward_looking")],
    words("customers", "nouns"),
    words("sections", "forward_looking"),
    words("sections", "risk"),
    words("sections", "carry_on"),
]


@pytest.mark.parametrize("fragments", SCANNED_LISTS)
@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_words_scan_finds_a_word_where_its_pattern_does(fragments: list[str], data: st.DataObject) -> None:
    """The fast form asks "any word here?" of a span and gets the answer the plain pattern gives."""
    pieces = st.one_of(
        st.from_regex(alternation(fragments), fullmatch=True),
        st.sampled_from([" ", "a", "S", "-", "\n", "_", "1", ".", "\u0130", "\u212a", "\u017f"]),
    )
    text = "".join(data.draw(st.lists(pieces, max_size=8)))
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=len(text)))
    plain = words_re(fragments).search(text, start, end) is not None
    assert (words_scan(fragments).search(text, start, end) is not None) == plain


@pytest.mark.parametrize("fragment", ["s?aid", "(?:total )?debt", "repay|pay", "\\bsaid"])
def test_a_words_scan_needs_a_first_letter(fragment: str) -> None:
    with pytest.raises(ValueError, match="letter"):
        words_scan(["said", fragment])


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_metric_phrases_are_those_the_pattern_finds(data: st.DataObject) -> None:
    """The scan that skips to a metric's first letters finds the phrases `METRIC_RE.finditer` finds."""
    pieces = st.one_of(
        st.sampled_from([pattern for _, pattern in outlook_metrics.METRICS]).flatmap(
            lambda pattern: st.from_regex(re.compile(pattern, re.I), fullmatch=True)
        ),
        st.sampled_from([" ", "a", "-", "\n", "(", ")", "1", "GAAP ", "\u0130", "\u212a", "\u017f"]),
    )
    text = "".join(data.draw(st.lists(pieces, max_size=8)))
    span = Span(0, len(text))
    expected = [m.span() for m in outlook_metrics.METRIC_RE.finditer(text)]
    assert [named.span for named in outlook_metrics.find_metrics(text, span)] == [Span(*s) for s in expected]


def _texts_of(patterns: list[str]) -> st.SearchStrategy[str]:
    """Texts made of words the patterns match (any case) and a few characters around them."""
    pieces = st.one_of(
        st.sampled_from(patterns).flatmap(
            lambda pattern: st.from_regex(re.compile(pattern, re.I), fullmatch=True)
        ),
        st.sampled_from([" ", "a", "-", "\n", "(", "1", "$5", "\u0130", "\u212a", "\u017f"]),
    )
    return st.lists(pieces, max_size=8).map("".join)


@settings(max_examples=500, deadline=None)
@given(_texts_of([pattern for _, pattern in debt.VERBS] + words("debt", "instruments")))
def test_debt_verbs_and_instruments_are_those_the_patterns_find(text: str) -> None:
    """The scans that skip to the words' first letters find what the plain patterns find."""
    expected = [(m.span(), m.lastgroup) for m in debt.VERB_RE.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in debt.find_verbs(text, Span(0, len(text)))] == expected
    assert (debt.INSTRUMENT_SCAN.search(text) is None) == (debt.INSTRUMENT_RE.search(text) is None)


@pytest.mark.parametrize(
    "text",
    [
        "        Financial   Relations   and   Communicatio   Contacts:\nJane Doe (555) 123-4567",
        "For   additional   information on the offering, press only: Jane Doe, jane@acme.com",
        "Media Contact\nInvestor\nRelations Contacts\nFor more information contact: Contact: x",
        "We contact customers. " * 30 + "Contacts: Jane Doe, (555) 123-4567",
    ],
)
def test_headings_are_those_the_pattern_finds_over_the_whole_block(text: str) -> None:
    """Searched only from a little before each keyword, the headings are those of a full scan."""
    context = context_of(text)
    for region in context.regions:
        expected = [m.span() for m in contacts.HEADING_RE.finditer(text, region.start, region.end)]
        assert [m.span() for m in contacts._headings(context, region)] == expected
        assert expected or "Contacts:" not in text


@pytest.mark.parametrize(
    "text",
    [
        "IEC is a full service, ISO-9001 registered EMS provider.",
        "Founded in 1960, Dynasil is a leading maker of optical materials.",
        "Founded  in 1960,   Dynasil Corp. of America are the makers of ...",
        "Founded in 1960,    Dynasil is a leading maker (four spaces).",
        "Founded in 1960, IEC\nis a provider",
        "IECX is a provider of ...",
        "Acme Corp, whose shares are traded on the NYSE, is one of the largest ...",
        "The company is a provider.",
        "Founded in 1960,  Zeta is a maker of ...",
    ],
)
def test_a_paragraph_saying_what_the_company_is(text: str) -> None:
    """Names looked for in place read as the pattern that held them did."""
    names = ["IEC", "Dynasil", "Acme", " Zeta"]
    name = "|".join(re.escape(n) for n in names)
    pattern = rf"(?:Founded\s{{1,3}}in\s{{1,3}}\d{{4}},\s{{1,3}})?(?:{name})\b[^\n]{{0,80}}?\s(?:is|are)\s{{1,3}}(?:a|an|the|one)\b"
    assert sections._says_what(text, 0, names) == bool(re.match(pattern, text))
