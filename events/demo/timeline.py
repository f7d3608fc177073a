"""Demo timeline: Iran–Belarus relations from 2007 to 2025, with their Eurasian context.

Plain data. Dates are ISO strings at the precision the sources support ("2007", "2023-03",
"2025-08-20"): an event known only to its month or year keeps that precision. Every
published event has a place, participants and at least one source; quotes are short
paraphrases written for the demo. Sources carry a URL only where the address is known;
titles describe the item.
"""

import uuid
from dataclasses import dataclass

# Events are keyed by uuid5(EVENT_NAMESPACE, key), so their public ids survive reloads.
EVENT_NAMESPACE = uuid.UUID("6f1d2c84-5b0e-4a43-9a7e-3c1f0e8d2b57")


@dataclass(frozen=True)
class DemoSource:
    outlet: str  # outlet slug
    date: str  # ISO date at the source's precision
    title: str
    url: str = ""
    language: str = "en"


@dataclass(frozen=True)
class Party:
    actor: str  # actor slug
    role: str
    on_behalf_of: str | None = None
    office: str = ""


@dataclass(frozen=True)
class DemoEvent:
    key: str
    title: str
    event_type: str  # slug from the codebook
    start: str
    place: str
    parties: tuple[Party, ...]
    sources: tuple[tuple[str, str], ...]  # (source key, quote)
    summary: str = ""
    end: str | None = None
    date_text: str = ""
    modality: str = "occurred"
    status: str = "published"
    articles: tuple[str, ...] = ()  # "publication/slug"
    quantities: tuple[tuple[int, str, str], ...] = ()  # (value, unit, as written)

    @property
    def uuid(self) -> uuid.UUID:
        return uuid.uuid5(EVENT_NAMESPACE, self.key)


SOURCES = {
    "rferl-2007-05-21": DemoSource(
        "rfe-rl", "2007-05-21", "Belarus and Iran sign agreements during Ahmadinejad visit"
    ),
    "irna-2015-07-14": DemoSource(
        "irna", "2015-07-14", "Iran and world powers reach nuclear agreement in Vienna"
    ),
    "council-2015-10-29": DemoSource(
        "council-of-the-eu", "2015-10-29", "EU suspends most restrictive measures against Belarus"
    ),
    "belta-2023-03-13": DemoSource(
        "belta", "2023-03-13", "Lukashenko and Raisi sign roadmap for comprehensive cooperation"
    ),
    "up-2023-05-08": DemoSource(
        "ukrainska-pravda", "2023-05-08", "Belarus reportedly considers producing Shahed drones"
    ),
    "kyivpost-2023-08-01": DemoSource(
        "kyiv-post", "2023-08-01", "Reports on Shahed production plans in Belarus"
    ),
    "irna-2023-07-04": DemoSource(
        "irna", "2023-07-04", "Iran becomes full member of the Shanghai Cooperation Organization"
    ),
    "tehrantimes-2023-07-31": DemoSource(
        "tehran-times", "2023-07-31", "Iran, Belarus sign defense cooperation memorandum"
    ),
    "mehr-2023-07-31": DemoSource(
        "mehr-news-agency",
        "2023-07-31",
        "Iran, Belarus ink MOU on defense cooperation",
        url="https://en.mehrnews.com/news/204012/Iran-Belarus-ink-MOU-on-defense-cooperation",
    ),
    "irna-2023-08-24": DemoSource("irna", "2023-08-24", "BRICS invites Iran to become a member"),
    "eec-2023-12-25": DemoSource(
        "eurasian-economic-commission",
        "2023-12-25",
        "EAEU and Iran sign free trade agreement in Saint Petersburg",
    ),
    "astanatimes-2024-07-04": DemoSource(
        "astana-times",
        "2024-07-04",
        "SCO welcomes Belarus as its 10th member state",
        url="https://astanatimes.com/2024/07/sco-welcomes-belarus-as-its-10th-member-state/",
    ),
    "belta-2024-09-13": DemoSource(
        "belta",
        "2024-09-13",
        "Iranian president invited to visit Belarus",
        url="https://eng.belta.by/president/view/iranian-president-invited-to-visit-belarus-161297-2024",
    ),
    "tinn-2024-12-09": DemoSource(
        "tinn-ir", "2024-12-09", "Iran and Belarus set up permanent trade offices"
    ),
    "belta-2025-01-01": DemoSource(
        "belta", "2025-01-01", "Belarus becomes a BRICS partner country"
    ),
    "kremlin-2025-01-17": DemoSource(
        "kremlin-ru",
        "2025-01-17",
        "Treaty on comprehensive strategic partnership between Russia and Iran signed",
    ),
    "tehrantimes-2025-03-11": DemoSource(
        "tehran-times",
        "2025-03-11",
        "Iranian defense minister visits Belarus for cooperation talks",
        url="https://www.tehrantimes.com/news/510851/Iranian-defense-minister-visits-Belarus-for-cooperation-talks",
    ),
    "iranpress-2025-03-12": DemoSource(
        "iranpress", "2025-03-12", "Iran and Belarus sign defense cooperation agreement"
    ),
    "mehr-2025-03-12": DemoSource(
        "mehr-news-agency",
        "2025-03-12",
        "Iran, Belarus ink MoU to strengthen bilateral defense coop",
        url="https://en.mehrnews.com/news/229533/Iran-Belarus-ink-MoU-to-strengthen-bilateral-defense-coop",
    ),
    "eec-2025-03-17": DemoSource(
        "eurasian-economic-commission",
        "2025-03-17",
        "EAEU–Iran free trade agreement to enter into force on May 15",
    ),
    "eec-2025-05-15": DemoSource(
        "eurasian-economic-commission",
        "2025-05-15",
        "Free trade agreement between the EAEU and Iran enters into force",
    ),
    "rasim-2025-05-21": DemoSource(
        "rasim-news-agency",
        "2025-05-21",
        "Belarusian deputy chief of the General Staff holds talks in Tehran",
    ),
    "irna-2025-06-13": DemoSource("irna", "2025-06-13", "Israel launches strikes on Iran"),
    "whitehouse-2025-08-08": DemoSource(
        "white-house",
        "2025-08-08",
        "Joint declaration of Armenia and Azerbaijan at the White House",
    ),
    "armenpress-2025-08-19": DemoSource(
        "armenpress", "2025-08-19", "Pashinyan and Pezeshkian hold talks in Yerevan"
    ),
    "president-ir-2025-08-19": DemoSource(
        "president-of-iran", "2025-08-19", "President Pezeshkian arrives in Minsk"
    ),
    "belta-2025-08-20": DemoSource(
        "belta",
        "2025-08-20",
        "Key takeaways from Belarus-Iran summit in Minsk",
        url="https://eng.belta.by/president/view/key-takeaways-from-belarus-iran-summit-in-minsk-170706-2025",
    ),
    "tehrantimes-2025-08-20": DemoSource(
        "tehran-times", "2025-08-20", "Iran and Belarus sign 12 cooperation documents"
    ),
    "president-ir-2025-08-20": DemoSource(
        "president-of-iran",
        "2025-08-20",
        "Joint press conference of the presidents of Iran and Belarus",
    ),
}

# Articles the events are discussed in.
BRICS = "edm/belarus-steps-into-brics-as-a-partner-country"
EAEU_NEARS = "edm/iran-free-trade-deal-with-eaeu-nears-finish-line"
DEFENSE = "edm/iran-and-belarus-sign-defense-cooperation-agreement-in-minsk"
RASHT = "edm/rasht-astara-railway-missing-link-of-north-south-corridor"
EAEU_IN_FORCE = "edm/iran-eaeu-free-trade-agreement-takes-effect"
SHAHED = "edm/shahed-drones-and-the-belarusian-question"
POSTPONED = "edm/israel-iran-war-puts-pezeshkian-minsk-visit-on-hold"
SCO = "edm/one-year-in-the-sco-what-membership-has-given-belarus"
MINSK = "edm/pezeshkian-in-minsk-twelve-documents-and-a-strategic-partnership"
SYUNIK = "edm/iran-weighs-washington-route-through-southern-armenia"
DOLLAR = "edm/belarus-and-iran-look-for-ways-around-the-dollar"
WEEKLY = "ewb/week-in-eurasia-pezeshkian-from-yerevan-to-minsk"

PRESIDENT_IR = "President of Iran"
PRESIDENT_BY = "President of Belarus"
PEZESHKIAN = Party("masoud-pezeshkian", "visitor", "iran", PRESIDENT_IR)
LUKASHENKA = Party("alyaksandr-lukashenka", "host", "belarus", PRESIDENT_BY)

EVENTS = [
    DemoEvent(
        key="strategic-cooperation-2007",
        title="Iran and Belarus agree on strategic cooperation",
        event_type="agreement-signed",
        start="2007",
        date_text="in 2007",
        place="minsk",
        summary=(
            "During Mahmoud Ahmadinejad's visit to Minsk, the two presidents set out a "
            "framework of strategic cooperation: Belarus gained the right to develop an Iranian "
            "oil field, Iran access to Belarusian industry and expertise."
        ),
        parties=(
            Party("mahmoud-ahmadinejad", "signatory", "iran", PRESIDENT_IR),
            Party("alyaksandr-lukashenka", "signatory", "belarus", PRESIDENT_BY),
        ),
        sources=(
            (
                "rferl-2007-05-21",
                "Lukashenka and Ahmadinejad pledged cooperation in every field, starting with "
                "energy.",
            ),
        ),
        articles=(MINSK, DOLLAR),
    ),
    DemoEvent(
        key="jcpoa-2015",
        title="Iran and six powers conclude the nuclear agreement (JCPOA)",
        event_type="agreement-announced",
        start="2015-07-14",
        place="vienna",
        summary=(
            "The Joint Comprehensive Plan of Action eased Western pressure on Tehran and, for a "
            "time, slowed its search for partners such as Belarus."
        ),
        parties=(
            Party("iran", "participant"),
            Party("china", "counterpart"),
            Party("france", "counterpart"),
            Party("germany", "counterpart"),
            Party("russia", "counterpart"),
            Party("united-kingdom", "counterpart"),
            Party("united-states", "counterpart"),
            Party("european-union", "participant"),
        ),
        sources=(
            (
                "irna-2015-07-14",
                "Negotiators in Vienna announced a comprehensive agreement on Iran's nuclear "
                "program.",
            ),
        ),
        articles=(MINSK,),
    ),
    DemoEvent(
        key="eu-suspends-belarus-sanctions-2015",
        title="EU suspends most of its sanctions on Belarus",
        event_type="sanctions",
        start="2015-10-29",
        place="brussels",
        summary="The suspension opened a brief thaw between Minsk and the European Union.",
        parties=(Party("european-union", "initiator"), Party("belarus", "target")),
        sources=(
            (
                "council-2015-10-29",
                "The Council suspended restrictive measures against most listed Belarusian "
                "individuals and entities.",
            ),
        ),
        articles=(MINSK,),
    ),
    DemoEvent(
        key="lukashenka-visits-tehran-2023",
        title="Lukashenka pays an official visit to Tehran",
        event_type="visit",
        start="2023-03-12",
        end="2023-03-13",
        place="tehran",
        parties=(
            Party("alyaksandr-lukashenka", "visitor", "belarus", PRESIDENT_BY),
            Party("ebrahim-raisi", "host", "iran", PRESIDENT_IR),
        ),
        sources=(
            (
                "belta-2023-03-13",
                "The presidents held talks in narrow and expanded formats in Tehran.",
            ),
        ),
        articles=(BRICS, MINSK),
    ),
    DemoEvent(
        key="roadmap-2023-2026",
        title="Roadmap for comprehensive cooperation for 2023–2026 signed",
        event_type="agreement-signed",
        start="2023-03",
        date_text="in March 2023",
        place="tehran",
        summary="The roadmap covers politics, trade, science, education, culture and the media.",
        parties=(
            Party("alyaksandr-lukashenka", "signatory", "belarus", PRESIDENT_BY),
            Party("ebrahim-raisi", "signatory", "iran", PRESIDENT_IR),
        ),
        sources=(
            ("belta-2023-03-13", "The two presidents signed a roadmap running until 2026."),
            (
                "belta-2025-08-20",
                "Minsk and Tehran are implementing the roadmap agreed during the 2023 visit.",
            ),
        ),
        articles=(BRICS, POSTPONED, MINSK),
    ),
    DemoEvent(
        key="belarus-shahed-reports-2023",
        title="Reports say Belarus wants to produce Shahed drones",
        event_type="arms-transfer",
        start="2023-05",
        date_text="in May 2023",
        modality="planned",
        place="belarus",
        summary=(
            "Ukrainian media reported that Belarus was exploring production of Iranian-designed "
            "drones at a plant near the Ukrainian border. Neither government confirmed it."
        ),
        parties=(Party("iran", "supplier"), Party("belarus", "recipient")),
        sources=(
            (
                "up-2023-05-08",
                "Belarus is said to be considering a production site for Iranian drones close "
                "to the border.",
            ),
            ("kyivpost-2023-08-01", "The reports of a Belarusian Shahed line resurfaced."),
        ),
        articles=(DEFENSE, SHAHED, MINSK),
    ),
    DemoEvent(
        key="iran-joins-sco-2023",
        title="Iran becomes a full member of the SCO",
        event_type="membership",
        start="2023-07-04",
        place="new-delhi",
        summary="Iran was admitted at a virtual summit chaired by India.",
        parties=(
            Party("iran", "member"),
            Party("sco", "counterpart"),
            Party("india", "host"),
        ),
        sources=(("irna-2023-07-04", "Iran officially joined the SCO as its ninth member."),),
        articles=(SCO, MINSK),
    ),
    DemoEvent(
        key="defence-memorandum-2023",
        title="Defense ministers sign a memorandum on military cooperation",
        event_type="defence-cooperation",
        start="2023-07",
        date_text="in July 2023",
        place="tehran",
        summary="Signed during Viktor Khrenin's visit to Tehran, with a cooperation plan for 2023.",
        parties=(
            Party("viktor-khrenin", "signatory", "belarus", "Minister of Defense of Belarus"),
            Party("mohammad-reza-ashtiani", "signatory", "iran", "Minister of Defense of Iran"),
        ),
        sources=(
            (
                "tehrantimes-2023-07-31",
                "The two defense ministers signed a memorandum of understanding in Tehran.",
            ),
            (
                "mehr-2023-07-31",
                "Belarus has a special place in Iran's foreign policy, Ashtiani said.",
            ),
        ),
        articles=(DEFENSE, SHAHED, MINSK),
    ),
    DemoEvent(
        key="brics-invites-iran-2023",
        title="BRICS invites Iran to become a member",
        event_type="membership",
        start="2023-08-24",
        place="johannesburg",
        summary="Iran took its seat as a full member on January 1, 2024.",
        parties=(
            Party("iran", "member"),
            Party("brics", "counterpart"),
            Party("south-africa", "host"),
        ),
        sources=(("irna-2023-08-24", "BRICS leaders invited Iran to join from January 2024."),),
        articles=(BRICS,),
    ),
    DemoEvent(
        key="iran-eaeu-fta-signed-2023",
        title="Iran and the Eurasian Economic Union sign a free trade agreement",
        event_type="agreement-signed",
        start="2023-12-25",
        place="saint-petersburg",
        summary="Signed on the margins of the Supreme Eurasian Economic Council.",
        parties=(
            Party("iran", "signatory"),
            Party("eaeu", "signatory"),
            Party("belarus", "signatory"),
            Party("russia", "signatory"),
        ),
        sources=(
            (
                "eec-2023-12-25",
                "The agreement replaces the interim arrangement in force since 2019.",
            ),
        ),
        articles=(EAEU_NEARS, EAEU_IN_FORCE),
    ),
    DemoEvent(
        key="belarus-joins-sco-2024",
        title="Belarus becomes the tenth member of the SCO",
        event_type="membership",
        start="2024-07-04",
        place="astana",
        parties=(
            Party("belarus", "member"),
            Party("alyaksandr-lukashenka", "participant", "belarus", PRESIDENT_BY),
            Party("sco", "counterpart"),
            Party("kazakhstan", "host"),
        ),
        sources=(
            (
                "astanatimes-2024-07-04",
                "The Astana summit opened with the signing of Belarus's accession documents.",
            ),
        ),
        articles=(BRICS, SCO, MINSK),
    ),
    DemoEvent(
        key="lukashenka-invites-pezeshkian-2024",
        title="Lukashenka invites Pezeshkian to visit Belarus",
        event_type="meeting",
        start="2024-09-13",
        place="minsk",
        summary=(
            "Receiving the secretary of Iran's Supreme National Security Council, Lukashenka "
            "invited the new Iranian president and spoke of a strategic partnership."
        ),
        parties=(
            Party("alyaksandr-lukashenka", "host", "belarus", PRESIDENT_BY),
            Party(
                "ali-akbar-ahmadian",
                "visitor",
                "iran",
                "Secretary of the Supreme National Security Council",
            ),
        ),
        sources=(
            (
                "belta-2024-09-13",
                "Lukashenka asked his guest to tell the Iranian president that Belarus was "
                "waiting for him.",
            ),
        ),
        articles=(POSTPONED,),
    ),
    DemoEvent(
        key="brics-partner-offer-2024",
        title="BRICS creates a partner-country tier; Belarus among those invited",
        event_type="membership",
        start="2024-10",
        date_text="at the Kazan summit in October 2024",
        place="kazan",
        summary="Belarus took up partner status on January 1, 2025.",
        parties=(
            Party("belarus", "member"),
            Party("brics", "counterpart"),
            Party("russia", "host"),
        ),
        sources=(
            (
                "belta-2025-01-01",
                "Belarus is now a BRICS partner country, a status agreed in Kazan.",
            ),
        ),
        articles=(BRICS,),
    ),
    DemoEvent(
        key="trade-offices-2024",
        title="Iran and Belarus open permanent trade offices",
        event_type="joint-body",
        start="2024",
        date_text="in 2024",
        place="iran",
        summary=(
            "The offices are meant to help companies settle trade in national currencies "
            "rather than U.S. dollars."
        ),
        parties=(Party("iran", "participant"), Party("belarus", "participant")),
        sources=(
            (
                "tinn-2024-12-09",
                "Permanent trade offices will support settlements in the two national currencies.",
            ),
        ),
        articles=(EAEU_IN_FORCE, MINSK, DOLLAR),
    ),
    DemoEvent(
        key="russia-iran-treaty-2025",
        title="Russia and Iran sign a comprehensive strategic partnership treaty",
        event_type="agreement-signed",
        start="2025-01-17",
        place="moscow",
        summary="The treaty names transport corridors among its priorities; it has no mutual defense clause.",
        parties=(
            Party("vladimir-putin", "signatory", "russia", "President of Russia"),
            Party("masoud-pezeshkian", "signatory", "iran", PRESIDENT_IR),
        ),
        sources=(
            (
                "kremlin-2025-01-17",
                "The presidents signed the treaty on comprehensive strategic partnership in "
                "the Kremlin.",
            ),
        ),
        articles=(RASHT, POSTPONED),
    ),
    DemoEvent(
        key="defence-agreement-2025",
        title="Iran and Belarus sign a defense cooperation agreement",
        event_type="defence-cooperation",
        start="2025-03-12",
        place="minsk",
        summary="Signed during Aziz Nasirzadeh's official visit to Minsk; the text is not public.",
        parties=(
            Party("aziz-nasirzadeh", "signatory", "iran", "Minister of Defense of Iran"),
            Party("viktor-khrenin", "signatory", "belarus", "Minister of Defense of Belarus"),
        ),
        sources=(
            (
                "iranpress-2025-03-12",
                "Nasirzadeh and Khrenin put their signatures to a defense cooperation agreement.",
            ),
            (
                "mehr-2025-03-12",
                "Nasirzadeh called the document an effective step in defense and security "
                "interaction.",
            ),
            ("tehrantimes-2025-03-11", "Nasirzadeh arrived in Minsk for high-level talks."),
        ),
        articles=(DEFENSE, SHAHED, SCO, MINSK),
    ),
    DemoEvent(
        key="iran-eaeu-fta-in-force-2025",
        title="Iran–EAEU free trade agreement enters into force",
        event_type="trade",
        start="2025-05-15",
        place="iran",
        summary="Duties fall on about 87 percent of tariff lines.",
        parties=(
            Party("iran", "participant"),
            Party("eaeu", "participant"),
            Party("belarus", "participant"),
        ),
        sources=(
            ("eec-2025-05-15", "The free trade agreement between the union and Iran is in force."),
            ("eec-2025-03-17", "Iran has notified the union that its procedures are complete."),
        ),
        articles=(EAEU_IN_FORCE, POSTPONED, MINSK, DOLLAR),
    ),
    DemoEvent(
        key="kupriyanyuk-visits-tehran-2025",
        title="Belarusian deputy chief of the General Staff visits Tehran",
        event_type="visit",
        start="2025-05",
        date_text="in May 2025",
        place="tehran",
        parties=(
            Party(
                "vladimir-kupriyanyuk",
                "visitor",
                "belarus",
                "Deputy Chief of the General Staff of the Armed Forces of Belarus",
            ),
            Party("iran", "host"),
        ),
        sources=(
            (
                "rasim-2025-05-21",
                "Kupriyanyuk met senior Iranian military officials in Tehran.",
            ),
        ),
        articles=(SHAHED, MINSK),
    ),
    DemoEvent(
        key="israel-iran-war-2025",
        title="War between Israel and Iran",
        event_type="attack",
        start="2025-06-13",
        end="2025-06-24",
        place="iran",
        summary=(
            "Israeli strikes on Iranian military and nuclear sites, Iranian missile attacks on "
            "Israel and U.S. strikes on June 22, until a ceasefire on June 24."
        ),
        parties=(
            Party("israel", "initiator"),
            Party("iran", "target"),
            Party("united-states", "participant"),
        ),
        sources=(("irna-2025-06-13", "Israel struck targets across Iran."),),
        articles=(POSTPONED,),
    ),
    DemoEvent(
        key="pezeshkian-visit-postponed-2025",
        title="Pezeshkian's June visit to Minsk postponed",
        event_type="visit",
        start="2025-06",
        date_text="originally scheduled for June",
        modality="postponed",
        place="minsk",
        summary=(
            "The visit was to coincide with the Eurasian Economic Forum in Minsk; the war with "
            "Israel forced a postponement until August."
        ),
        parties=(PEZESHKIAN, LUKASHENKA),
        sources=(
            (
                "belta-2025-08-20",
                "The guest was expected in June, but events in the Middle East delayed the trip.",
            ),
        ),
        articles=(POSTPONED, MINSK),
    ),
    DemoEvent(
        key="washington-declaration-2025",
        title="Armenia and Azerbaijan agree on a transit route at the White House",
        event_type="agreement-signed",
        start="2025-08-08",
        place="washington",
        summary="The route through southern Armenia is to be developed with U.S. participation.",
        parties=(
            Party("nikol-pashinyan", "signatory", "armenia", "Prime Minister of Armenia"),
            Party("ilham-aliyev", "signatory", "azerbaijan", "President of Azerbaijan"),
            Party("donald-trump", "host", "united-states", "President of the United States"),
        ),
        sources=(
            (
                "whitehouse-2025-08-08",
                "The leaders signed a joint declaration at the White House.",
            ),
        ),
        articles=(SYUNIK, WEEKLY),
    ),
    DemoEvent(
        key="pezeshkian-visits-yerevan-2025",
        title="Pezeshkian visits Yerevan",
        event_type="visit",
        start="2025-08-18",
        end="2025-08-19",
        place="yerevan",
        parties=(
            Party("masoud-pezeshkian", "visitor", "iran", PRESIDENT_IR),
            Party("nikol-pashinyan", "host", "armenia", "Prime Minister of Armenia"),
        ),
        sources=(
            (
                "armenpress-2025-08-19",
                "The leaders signed cooperation documents and agreed on a new bridge over the "
                "Araks.",
            ),
        ),
        articles=(SYUNIK, WEEKLY),
    ),
    DemoEvent(
        key="pezeshkian-visits-minsk-2025",
        title="Pezeshkian pays an official visit to Minsk",
        event_type="visit",
        start="2025-08-19",
        end="2025-08-20",
        place="minsk",
        summary=(
            "Pezeshkian arrived late on August 19; the talks with Lukashenka and the signing "
            "ceremony took place on August 20."
        ),
        parties=(PEZESHKIAN, LUKASHENKA),
        sources=(
            ("president-ir-2025-08-19", "The president arrived in Minsk on an official visit."),
            (
                "belta-2025-08-20",
                "The talks at the Palace of Independence lasted almost four hours.",
            ),
        ),
        articles=(MINSK, SYUNIK, DOLLAR, WEEKLY),
    ),
    DemoEvent(
        key="minsk-documents-2025",
        title="Iran and Belarus sign 12 cooperation documents",
        event_type="agreement-signed",
        start="2025-08-20",
        place="minsk",
        summary=(
            "Politics, international law, health care, industry, tourism, investment, the media, "
            "and industrial and special economic zones."
        ),
        parties=(Party("iran", "signatory"), Party("belarus", "signatory")),
        sources=(
            (
                "tehrantimes-2025-08-20",
                "Twelve documents were signed in the presence of the two presidents.",
            ),
        ),
        quantities=((12, "cooperation documents", "12 cooperation documents"),),
        articles=(MINSK, DOLLAR, WEEKLY),
    ),
    DemoEvent(
        key="minsk-joint-statement-2025",
        title="Presidents sign a joint statement on developing relations",
        event_type="agreement-signed",
        start="2025-08-20",
        place="minsk",
        parties=(
            Party("masoud-pezeshkian", "signatory", "iran", PRESIDENT_IR),
            Party("alyaksandr-lukashenka", "signatory", "belarus", PRESIDENT_BY),
        ),
        sources=(
            (
                "president-ir-2025-08-20",
                "The presidents signed a joint statement on deepening relations.",
            ),
        ),
        articles=(MINSK, WEEKLY),
    ),
    DemoEvent(
        key="strategic-partnership-proposal-2025",
        title="Pezeshkian proposes a strategic partnership with Belarus",
        event_type="proposal",
        start="2025-08-20",
        place="minsk",
        parties=(
            Party("masoud-pezeshkian", "initiator", "iran", PRESIDENT_IR),
            Party("alyaksandr-lukashenka", "counterpart", "belarus", PRESIDENT_BY),
        ),
        sources=(
            (
                "president-ir-2025-08-20",
                "Tehran could build a strategic partnership with Minsk, Pezeshkian said.",
            ),
            (
                "belta-2025-08-20",
                "The presidents agreed to work towards a strategic partnership.",
            ),
        ),
        articles=(MINSK,),
    ),
    DemoEvent(
        key="intergovernmental-commission-2025-draft",
        title="Belarusian–Iranian intergovernmental commission to meet (to be confirmed)",
        event_type="meeting",
        start="2025",
        modality="planned",
        status="draft",
        place="tehran",
        summary="Draft: check date, venue and co-chairs before publishing.",
        parties=(Party("iran", "participant"), Party("belarus", "participant")),
        sources=(),
    ),
]
