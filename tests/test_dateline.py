"""Tests for :func:`newsdump._dateline.parse_dateline`."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump._dateline import parse_dateline
from newsdump._model import Dateline
from newsdump._rules import Rules


class TestParseDateline:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "OSLO (Reuters) – Norway said.",
                ("OSLO (Reuters)", "OSLO", "Reuters", None, "Norway"),
            ),
            ("DENVER — The council met.", ("DENVER", "DENVER", None, None, "The council")),
            (
                "DENVER (AP) — The council met.",
                ("DENVER (AP)", "DENVER", "AP", None, "The council"),
            ),
            (
                "MUMBAI: The court ruled on Monday that the port may reopen.",
                ("MUMBAI", "MUMBAI", None, None, "The court"),
            ),
            (
                "ROME/BERLIN (AFP) - Talks stalled.",
                ("ROME/BERLIN (AFP)", "ROME/BERLIN", "AFP", None, "Talks"),
            ),
            (
                "SANTA FE, New Mexico (AP) — A fire spread.",
                ("SANTA FE, New Mexico (AP)", "SANTA FE, New Mexico", "AP", None, "A fire"),
            ),
            (
                "NORTH LAUDERDALE-LAKES, FLA. (WSVN) - Police said.",
                (
                    "NORTH LAUDERDALE-LAKES, FLA. (WSVN)",
                    "NORTH LAUDERDALE-LAKES, FLA.",
                    "WSVN",
                    None,
                    "Police",
                ),
            ),
            (
                "SHANGHAI, Oct. 9 (Xinhua) -- Exports rose.",
                ("SHANGHAI, Oct. 9 (Xinhua)", "SHANGHAI", "Xinhua", "Oct. 9", "Exports"),
            ),
            (
                "HAMBURG (dpa) - The port reopened.",
                ("HAMBURG (dpa)", "HAMBURG", "dpa", None, "The port"),
            ),
            (
                "KHAN YOUNIS, Gaza Strip — Families waited.",
                ("KHAN YOUNIS, Gaza Strip", "KHAN YOUNIS, Gaza Strip", None, None, "Families"),
            ),
            (
                "ODESA, Ukraine (AP) — Sirens sounded.",
                ("ODESA, Ukraine (AP)", "ODESA, Ukraine", "AP", None, "Sirens"),
            ),
            (
                "CHICAGO, May 14 (Reuters) - Grain prices fell.",
                ("CHICAGO, May 14 (Reuters)", "CHICAGO", "Reuters", "May 14", "Grain"),
            ),
            (
                "LIVERPOOL (ENGLAND), Jan. 4, 2021 -- The club said.",
                (
                    "LIVERPOOL (ENGLAND), Jan. 4, 2021",
                    "LIVERPOOL (ENGLAND)",
                    None,
                    "Jan. 4, 2021",
                    "The club",
                ),
            ),
            (
                "OSAKA (Kyodo) -- Rail services resumed.",
                ("OSAKA (Kyodo)", "OSAKA", "Kyodo", None, "Rail"),
            ),
            ("ST. PAUL (KARE) — Snow fell.", ("ST. PAUL (KARE)", "ST. PAUL", "KARE", None, "Snow")),
            ("DETROIT—Car sales slowed.", ("DETROIT", "DETROIT", None, None, "Car")),
            (
                "Madrid (AFP) - Protesters marched.",
                ("Madrid (AFP)", "Madrid", "AFP", None, "Protesters"),
            ),
            (
                "ACCRA (Anadolu) — “We are ready,” he said.",
                ("ACCRA (Anadolu)", "ACCRA", "Anadolu", None, "“We"),
            ),
        ],
    )
    def test_datelines(self, text: str, expected: tuple[str | None, ...]) -> None:
        """Each dateline shape yields its parts and the offset where the body starts."""
        dateline, location, agency, date_text, body = expected
        found = parse_dateline(text)
        assert found is not None
        assert (found.text, found.location, found.agency, found.date_text) == (
            dateline,
            location,
            agency,
            date_text,
        )
        assert text[found.end :].startswith(body or "")

    def test_agency_only(self) -> None:
        """``(CNN) —`` has no place: location is empty and the agency is kept."""
        assert parse_dateline("(CNN) — A judge ruled on Friday.") == Dateline(
            text="(CNN)", location="", agency="CNN", end=8
        )

    def test_publisher_only(self) -> None:
        """A known outlet before the dash is the agency, with no location."""
        assert parse_dateline("Sky News – The minister resigned.") == Dateline(
            text="Sky News", location="", agency="Sky News", end=11
        )

    def test_unknown_title_case_outlet(self) -> None:
        """A title-case name before a dash is not a dateline unless the rules know it."""
        text = "Harbor Ledger Online – The mayor resigned."
        assert parse_dateline(text) is None
        rules = Rules().extend(publishers=["Harbor Ledger Online"])
        found = parse_dateline(text, rules=rules)
        assert found is not None
        assert found.agency == "Harbor Ledger Online"

    def test_leading_spaces(self) -> None:
        """Indentation before the dateline is skipped; ``end`` counts it."""
        text = "   LIMA (AP) — Peru voted."
        found = parse_dateline(text)
        assert found is not None
        assert found.text == "LIMA (AP)"
        assert text[found.end :] == "Peru voted."

    @pytest.mark.parametrize(
        "text",
        [
            "The U.S. — and its allies — disagreed.",
            "NATO said on Monday it would send troops.",
            "COVID-19 cases rose: officials blamed the holidays.",
            "UPDATE: The road has reopened.",
            "WATCH: Footage of the rescue.",
            "EXCLUSIVE: Documents show the plan.",
            "BREAKING: A quake struck.",
            "BREAKING NEWS — A quake struck.",
            "EDITOR'S NOTE: This story contains graphic details.",
            "Denver — The council met.",
            "Officials said — without evidence — that it worked.",
            "UNICEF — the children's agency — said.",
            "He said: The plan is dead.",
            "NEW YORK is a big city.",
            "OK — Fine.",
            "DENVER (Some random words here) — The council met.",
            "Denver (Local Paper) — The council met.",
            "",
            "   ",
            "— A dash first.",
            "BRISTOL, ENGLAND - APRIL 12: Fans queue outside the stadium.",
            "ATHENS – SUMMER NIGHTS TOUR",
            "SLEEP: How to rest better",
            "SAFETY AND YOU: What to do in a flood when the river rises quickly.",
            "DEPUTY MAYOR: What does the plan change for the harbour district here?",
            "PUBLISHED: March 2, 2024 at 9:10 a.m.",
        ],
    )
    def test_not_datelines(self, text: str) -> None:
        """Sentences, labels and title-case places without an agency are not datelines."""
        assert parse_dateline(text) is None

    def test_labels_table(self) -> None:
        """A word added to rules.dateline_labels is no longer read as a place."""
        text = "SPOTLIGHT — The exhibit opened."
        assert parse_dateline(text) is not None
        assert parse_dateline(text, rules=Rules().extend(dateline_labels=["SPOTLIGHT"])) is None

    @given(st.text(max_size=120))
    def test_never_raises(self, text: str) -> None:
        """Any input parses without error, and ``end`` lies inside the text."""
        found = parse_dateline(text)
        if found is not None:
            assert 0 < found.end <= len(text)
            assert found.text in text
            assert found.location in text


def _parts(text: str) -> tuple[str, str | None, str | None, str] | None:
    found = parse_dateline(text)
    if found is None:
        return None
    return (found.location, found.agency, found.date_text, text[found.end :][:12])


class TestTimestampPrefix:
    @pytest.mark.parametrize(
        ("text", "location", "stamp"),
        [
            (
                "(07-17) 13:09 PDT OAKLAND -- Police closed the bridge.",
                "OAKLAND",
                "(07-17) 13:09 PDT",
            ),
            ("(11-02) 08:45 PST SAN JOSE -- A fire broke out.", "SAN JOSE", "(11-02) 08:45 PST"),
            ("(01-09) 22:10 PST SACRAMENTO -- Lawmakers met.", "SACRAMENTO", "(01-09) 22:10 PST"),
            ("(3-4) 7:02 PST FRESNO -- Growers protested.", "FRESNO", "(3-4) 7:02 PST"),
            ("(12-31) 23:59 PST NAPA -- Fireworks were cancelled.", "NAPA", "(12-31) 23:59 PST"),
            (
                "(06-05) 10:30 PDT BERKELEY, Calif. -- Students marched.",
                "BERKELEY, Calif.",
                "(06-05) 10:30 PDT",
            ),
            (
                "(08-21) 16:00 PDT SANTA ROSA -- Crews held the line.",
                "SANTA ROSA",
                "(08-21) 16:00 PDT",
            ),
            ("(09-14) 05:15 PDT STOCKTON -- The port reopened.", "STOCKTON", "(09-14) 05:15 PDT"),
            ("(10-01) 12:00 PDT PALO ALTO -- Shares rose.", "PALO ALTO", "(10-01) 12:00 PDT"),
            ("(04-22) 18:47 PDT MODESTO -- “It is over,” he said.", "MODESTO", "(04-22) 18:47 PDT"),
            ("(02-11) 09:05 CHICO -- Snow fell overnight.", "CHICO", "(02-11) 09:05"),
        ],
    )
    def test_stamp_before_the_place(self, text: str, location: str, stamp: str) -> None:
        """A ``(MM-DD) HH:MM ZONE`` stamp is the dateline's date; the place follows it."""
        parts = _parts(text)
        assert parts is not None
        assert parts[:3] == (location, None, stamp)

    @pytest.mark.parametrize(
        "text",
        [
            "(07-17) 13:09 PDT -- Police closed the bridge.",
            "(07-17) 13:09 PDT Oakland -- Police closed the bridge.",
            "(07-17) the fire spread -- Police said.",
            "(555) 123-4567 -- Call now.",
        ],
    )
    def test_stamps_without_a_place(self, text: str) -> None:
        """A stamp needs a place in capitals after it."""
        assert parse_dateline(text) is None


class TestDashVariants:
    @pytest.mark.parametrize(
        ("text", "location", "agency"),
        [
            ("FRESNO -- Growers met on Tuesday.", "FRESNO", None),
            ("BOISE ― The legislature adjourned.", "BOISE", None),
            ("TACOMA\u00a0—\u00a0A ferry ran aground.", "TACOMA", None),
            ("SPOKANE\u00a0– Wildfire smoke lingered.", "SPOKANE", None),
            ("EUGENE —— Rain fell for a week.", "EUGENE", None),
            ("BAGHDAD, Iraq (AP) _ A convoy was hit.", "BAGHDAD, Iraq", "AP"),
            ("TULSA (AP)\u202f— Voters went to the polls.", "TULSA", "AP"),
            ("RENO ‒ A casino closed.", "RENO", None),
            ("DULUTH―Ice covered the harbor.", "DULUTH", None),
            ("CASPER ‑ A pipeline leaked.", "CASPER", None),
            ("LARAMIE ⸺ Snow closed the pass.", "LARAMIE", None),
            ("LONDON, Jan. 5.—The cabinet met.", "LONDON", None),
            ("OMAHA (Reuters)\u00a0-\u00a0Wheat futures fell.", "OMAHA", "Reuters"),
            (
                "AUSTIN, Texas, May 2, 2023 /PRNewswire/ -- Acme posted results.",
                "AUSTIN, Texas",
                "PRNewswire",
            ),
            ("DENVER--(BUSINESS WIRE)--Acme Corp. named a chief.", "DENVER", "BUSINESS WIRE"),
            (
                "LAS VEGAS, Jan. 8, 2020 (GLOBE NEWSWIRE) -- Acme unveiled a car.",
                "LAS VEGAS",
                "GLOBE NEWSWIRE",
            ),
        ],
    )
    def test_dashes(self, text: str, location: str, agency: str | None) -> None:
        """Double hyphens, horizontal bars, underscores and non-breaking spaces all end it."""
        parts = _parts(text)
        assert parts is not None
        assert parts[:2] == (location, agency)

    @pytest.mark.parametrize(
        "text",
        [
            "DENVER--the city--was quiet.",
            "FRESNO ― fresno is quiet.",
            "WARNING\u00a0— Storms ahead.",
            "—\u00a0A dash first.",
            "PHOTOS ― The best of the week.",
            "RENO ‒ TAHOE SUMMER GUIDE",
            "SESSION_ID 2 months Used by the site to remember you.",
            "AWX_Logo_Large",
            'ARD-"Tagesschau" zeigt neue Bilder',
            "THE WIRE- The cast of the show, from left: Idris Elba.",
        ],
    )
    def test_dashes_without_a_dateline(self, text: str) -> None:
        """A dash after a label, before lower case or before capitals is no dateline."""
        assert parse_dateline(text) is None


class TestCommaWithoutSpace:
    @pytest.mark.parametrize(
        ("text", "location", "agency"),
        [
            ("MACON,Ga. -- The mayor resigned.", "MACON,Ga.", None),
            ("TOPEKA,Kan. (AP) -- Lawmakers voted.", "TOPEKA,Kan.", "AP"),
            ("YAKIMA,Wash. — Orchards froze.", "YAKIMA,Wash.", None),
            ("BANGOR,Maine — A mill closed.", "BANGOR,Maine", None),
            ("ERIE,Pa. (AP) — A ship docked.", "ERIE,Pa.", "AP"),
            ("MOBILE,Ala. - Crews cleared the road.", "MOBILE,Ala.", None),
            ("LAREDO,Texas — Trucks waited.", "LAREDO,Texas", None),
            ("FARGO,N.D. — The river crested.", "FARGO,N.D.", None),
            ("PROVO,UTAH — Classes resumed.", "PROVO,UTAH", None),
            ("HALIFAX,N.S. (CP) — Fog delayed flights.", "HALIFAX,N.S.", "CP"),
            ("Ames,Iowa — Corn prices rose.", "Ames,Iowa", None),
        ],
    )
    def test_region_glued_to_the_comma(self, text: str, location: str, agency: str | None) -> None:
        """``PLACE,Region`` reads like ``PLACE, Region``."""
        parts = _parts(text)
        assert parts is not None
        assert parts[:2] == (location, agency)

    @pytest.mark.parametrize(
        "text",
        [
            "Smith,Jones — The partners met.",
            "Apples,Pears — Both were cheap.",
            "Ames,Story — The county met.",
            "Yes,OK — Fine.",
        ],
    )
    def test_glued_words_that_are_no_place(self, text: str) -> None:
        """Title-case words glued by a comma need a known region after the comma."""
        assert parse_dateline(text) is None


class TestMixedCase:
    @pytest.mark.parametrize(
        ("text", "location", "date"),
        [
            ("Kyiv, Ukraine — Air raid sirens sounded.", "Kyiv, Ukraine", None),
            ("Doha, Qatar – Talks resumed on Sunday.", "Doha, Qatar", None),
            ("Port-au-Prince, Haiti — Gangs blocked the road.", "Port-au-Prince, Haiti", None),
            ("Rio de Janeiro, Brazil — Carnival began.", "Rio de Janeiro, Brazil", None),
            ("Gaza City, Gaza Strip — Aid trucks arrived.", "Gaza City, Gaza Strip", None),
            ("Austin, TX — The council voted.", "Austin, TX", None),
            ("Nairobi, Kenya, Feb. 3 — Protests spread.", "Nairobi, Kenya", "Feb. 3"),
            ("Halifax, Nova Scotia — The ferry sailed.", "Halifax, Nova Scotia", None),
            ("St. John's, Newfoundland — Icebergs drifted.", "St. John's, Newfoundland", None),
            ("Winston-Salem, N.C. — A plant opened.", "Winston-Salem, N.C.", None),
            ("Chiang Mai, Thailand — Smoke hung over the hills.", "Chiang Mai, Thailand", None),
            ("Lagos, Nigeria — “We are tired,” she said.", "Lagos, Nigeria", None),
        ],
    )
    def test_city_and_known_region(self, text: str, location: str, date: str | None) -> None:
        """A title-case city before a known country or region, then a dash, is a dateline."""
        parts = _parts(text)
        assert parts is not None
        assert (parts[0], parts[1], parts[2]) == (location, None, date)

    @pytest.mark.parametrize(
        "text",
        [
            "Apple, Google — and others — lobbied.",
            "Apple, Google — Both companies declined.",
            "Jordan, Israel — Both signed the accord.",
            "Paris, Texas — the film — is playing.",
            "Smith, Jones — The partners met.",
            "Monday, Jan 5 — The day began.",
            "Finally, Jan 5 — The day came.",
            "Kyiv — Sirens sounded.",
            "Chicago, Illinois is large.",
            "Brazil, Argentina — Both qualified.",
            "Meanwhile, Kenya — Rains came early.",
            "Denver, CO - March 3: Fans cheer as the team arrives at the airport.",
            "On Air, Spain - 03 Mar 2024, 10:15",
            "For Sale, Texas — Three bedrooms.",
            "The Hague, Netherlands and beyond — It grew.",
            "Mark Twain, Missouri's son — He wrote.",
            "Earlier, Texas — The state sued.",
            "Hello, Kenya — Welcome to the show.",
            "Mr. Brown, Ohio — He said.",
            "Dear Ann, Texas — We write.",
        ],
    )
    def test_lookalikes(self, text: str) -> None:
        """Lists, names, sentences and a country before a country are no datelines."""
        assert parse_dateline(text) is None


class TestColonDatelines:
    @pytest.mark.parametrize(
        ("text", "location", "agency", "date"),
        [
            (
                "NEW DELHI: The Supreme Court on Monday sought a reply from the Centre.",
                "NEW DELHI",
                None,
                None,
            ),
            (
                "Mumbai: The civic body has started work on the new coastal road, officials said.",
                "Mumbai",
                None,
                None,
            ),
            (
                "KOLKATA, March 3: The state government announced a new scheme for farmers.",
                "KOLKATA",
                None,
                "March 3",
            ),
            (
                "BENGALURU: A metro line opened to the public after years of delays on Friday.",
                "BENGALURU",
                None,
                None,
            ),
            (
                "CHENNAI (PTI): The weather office has forecast heavy rain for the coast.",
                "CHENNAI",
                "PTI",
                None,
            ),
            (
                "Greater Noida: Police have sealed an illegal factory near the expressway today.",
                "Greater Noida",
                None,
                None,
            ),
            (
                "THIRUVANANTHAPURAM: The assembly passed the bill after a long debate on Tuesday.",
                "THIRUVANANTHAPURAM",
                None,
                None,
            ),
            (
                "LAHORE: The provincial cabinet approved the budget for the coming year on Monday.",
                "LAHORE",
                None,
                None,
            ),
            (
                "Port Blair: Ferry services to the islands were suspended because of rough seas.",
                "Port Blair",
                None,
                None,
            ),
            (
                "HYDERABAD, Telangana: The city recorded its hottest day of the year on Sunday.",
                "HYDERABAD, Telangana",
                None,
                None,
            ),
            (
                "PUNE, Jan 5 (PTI) The city police arrested two men on Friday.",
                "PUNE",
                "PTI",
                "Jan 5",
            ),
            ("SURAT (PTI) Diamond traders reported a slow season.", "SURAT", "PTI", None),
            ("NEW DELHI: Stocks fell sharply on Monday.", "NEW DELHI", None, None),
            (
                "SHAH ALAM: The state assembly sat late into the night on Thursday.",
                "SHAH ALAM",
                None,
                None,
            ),
            ("Washington (CNN)The president signed the order.", "Washington", "CNN", None),
            ("London (Reuters) The pound rose on Monday.", "London", "Reuters", None),
            ("(CNN)Rescuers reached the village.", "", "CNN", None),
        ],
    )
    def test_colon_and_agency_forms(
        self, text: str, location: str, agency: str | None, date: str | None
    ) -> None:
        """A place and a colon (or a dated PTI line without a dash) open the story."""
        parts = _parts(text)
        assert parts is not None
        assert parts[:3] == (location, agency, date)

    @pytest.mark.parametrize(
        "text",
        [
            "Note: This article was updated with new figures from the ministry on Friday.",
            "ALEXANDRIA SMITHE: I always wanted to paint the sea since I was a small child.",
            "JOHN OKAFOR: We grew up on the river and we never thought it would flood.",
            "Delhi Police: The force has asked residents to stay indoors until the evening.",
            "NEW DELHI (Some Outlet): The court has asked the state to reply within a week.",
            "MUMBAI, Narnia: The civic body has started work on the new coastal road, it said.",
            "Kolkata: Why?",
            "Tom Reyes (CNN) Anchor and chief correspondent",
            "The mayor (Reuters) The city said it would sue.",
            "Lagos (Local Radio) The power failed.",
            "Disclaimer: The views expressed here are those of the author and nobody else.",
            "MUMBAI: Why the city floods",
            "KARACHI: Prices rose.",
            "Kolkata: The state government on Monday announced a new scheme for",
            "OSLO: The fjords in winter, a guide for the cold months ahead of you",
        ],
    )
    def test_speakers_and_labels(self, text: str) -> None:
        """Speakers, labels, unknown agencies and no-dash lines with an unknown place."""
        assert parse_dateline(text) is None
