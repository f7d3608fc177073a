"""Demo catalog: publications, authors, topics, regions, outlets, actors and places.

Plain data. Each dict holds a row's field values, keyed by the row's slug; references to
other rows are slugs. The authors are invented; everything else is real. Wikidata and
GeoNames identifiers are given only where they are certain, and outlets get their home
page only (no invented deep links).
"""

from decimal import Decimal

PUBLICATIONS = [
    {
        "slug": "edm",
        "name": "Eurasia Daily Monitor",
        "short_name": "EDM",
        "first_year": 2004,
        "description": (
            "Daily analysis of politics, security and economics across Russia, Ukraine, "
            "Belarus, the South Caucasus, Central Asia and their neighbours."
        ),
    },
    {
        "slug": "ewb",
        "name": "Eurasia Weekly Brief",
        "short_name": "EWB",
        "first_year": 2025,
        "description": "A short Friday digest of the week's Eurasian developments.",
    },
]

AUTHORS = [
    {
        "slug": "ada-merrow",
        "name": "Ada Merrow",
        "bio": (
            "Ada Merrow is a fictional analyst invented for Monitor's demo content. She covers "
            "Belarus and its partnerships beyond Europe."
        ),
    },
    {
        "slug": "kasper-linde",
        "name": "Kasper Linde",
        "bio": (
            "Kasper Linde is a fictional analyst invented for Monitor's demo content. He writes "
            "on Iran, the South Caucasus and transport corridors."
        ),
    },
    {
        "slug": "nilufar-sadykova",
        "name": "Nilufar Sadykova",
        "bio": (
            "Nilufar Sadykova is a fictional economist invented for Monitor's demo content. She "
            "follows the Eurasian Economic Union and Central Asian trade."
        ),
    },
    {
        "slug": "ruben-taliaferro",
        "name": "Ruben Taliaferro",
        "bio": (
            "Ruben Taliaferro is a fictional defense analyst invented for Monitor's demo "
            "content. He tracks military cooperation among Russia's partners."
        ),
    },
    {
        "slug": "ines-calder",
        "name": "Ines Calder",
        "bio": (
            "Ines Calder is a fictional analyst invented for Monitor's demo content. She writes "
            "on sanctions and on multilateral organizations such as the SCO and BRICS."
        ),
    },
]

TOPICS = [
    {"slug": "diplomacy", "name": "Diplomacy"},
    {"slug": "military-security", "name": "Military and Security"},
    {"slug": "economy-trade", "name": "Economy and Trade"},
    {"slug": "energy", "name": "Energy"},
    {"slug": "sanctions", "name": "Sanctions"},
    {"slug": "multilateral-organisations", "name": "Multilateral Organisations"},
    {"slug": "transport-connectivity", "name": "Transport and Connectivity"},
]

_COUNTRIES = [
    ("iran", "Iran", "IR"),
    ("belarus", "Belarus", "BY"),
    ("russia", "Russia", "RU"),
    ("ukraine", "Ukraine", "UA"),
    ("china", "China", "CN"),
    ("israel", "Israel", "IL"),
    ("united-states", "United States", "US"),
    ("armenia", "Armenia", "AM"),
    ("azerbaijan", "Azerbaijan", "AZ"),
    ("georgia", "Georgia", "GE"),
    ("kazakhstan", "Kazakhstan", "KZ"),
    ("india", "India", "IN"),
    ("south-africa", "South Africa", "ZA"),
    ("france", "France", "FR"),
    ("germany", "Germany", "DE"),
    ("united-kingdom", "United Kingdom", "GB"),
    ("austria", "Austria", "AT"),
    ("belgium", "Belgium", "BE"),
]
_WIDER_REGIONS = [
    ("south-caucasus", "South Caucasus"),
    ("central-asia", "Central Asia"),
    ("middle-east", "Middle East"),
    ("eastern-europe", "Eastern Europe"),
    ("european-union", "European Union"),
]
REGIONS = [
    *(
        {"slug": slug, "name": name, "kind": "country", "iso_code": iso}
        for slug, name, iso in _COUNTRIES
    ),
    *(
        {"slug": slug, "name": name, "kind": "region", "iso_code": ""}
        for slug, name in _WIDER_REGIONS
    ),
]

OUTLETS = [
    {
        "slug": "tehran-times",
        "name": "Tehran Times",
        "kind": "newspaper",
        "home_url": "https://www.tehrantimes.com/",
        "country": "iran",
    },
    {
        "slug": "belta",
        "name": "Belta",
        "kind": "news_agency",
        "home_url": "https://eng.belta.by/",
        "country": "belarus",
        "aliases": ["Belarusian Telegraph Agency"],
    },
    {
        "slug": "president-of-belarus",
        "name": "President of Belarus",
        "kind": "government",
        "home_url": "https://president.gov.by/en",
        "country": "belarus",
    },
    {
        "slug": "president-of-iran",
        "name": "President of Iran",
        "kind": "government",
        "home_url": "https://president.ir/en",
        "country": "iran",
    },
    {
        "slug": "irna",
        "name": "Islamic Republic News Agency",
        "kind": "news_agency",
        "home_url": "https://en.irna.ir/",
        "country": "iran",
        "aliases": ["IRNA"],
    },
    {
        "slug": "rfe-rl",
        "name": "Radio Free Europe/Radio Liberty",
        "kind": "broadcaster",
        "home_url": "https://www.rferl.org/",
        "country": "united-states",
        "aliases": ["RFE/RL"],
    },
    {
        "slug": "kremlin-ru",
        "name": "Kremlin.ru",
        "kind": "government",
        "home_url": "http://en.kremlin.ru/",
        "country": "russia",
        "aliases": ["President of Russia"],
    },
    {
        "slug": "eurasian-economic-commission",
        "name": "Eurasian Economic Commission",
        "kind": "international",
        "home_url": "https://eec.eaeunion.org/en/",
        "country": None,
    },
    {
        "slug": "council-of-the-eu",
        "name": "Council of the European Union",
        "kind": "international",
        "home_url": "https://www.consilium.europa.eu/en/",
        "country": "european-union",
    },
    {
        "slug": "us-state-department",
        "name": "U.S. State Department",
        "kind": "government",
        "home_url": "https://www.state.gov/",
        "country": "united-states",
        "aliases": ["U.S. Department of State"],
    },
    {
        "slug": "ukrainska-pravda",
        "name": "Ukrainska Pravda",
        "kind": "online",
        "home_url": "https://www.pravda.com.ua/eng/",
        "country": "ukraine",
    },
    {
        "slug": "kyiv-post",
        "name": "Kyiv Post",
        "kind": "newspaper",
        "home_url": "https://www.kyivpost.com/",
        "country": "ukraine",
    },
    {
        "slug": "iranpress",
        "name": "Iranpress",
        "kind": "news_agency",
        "home_url": "https://iranpress.com/",
        "country": "iran",
    },
    {
        "slug": "newsweekly-by",
        "name": "Newsweekly.by",
        "kind": "magazine",
        "home_url": "https://newsweekly.by/",
        "country": "belarus",
    },
    {
        "slug": "tinn-ir",
        "name": "TINN.ir",
        "kind": "online",
        "home_url": "https://tinn.ir/",
        "country": "iran",
    },
    {
        "slug": "west-asia-news-agency",
        "name": "West Asia News Agency",
        "kind": "news_agency",
        "home_url": "",
        "country": None,
        "aliases": ["WANA"],
    },
    {
        "slug": "rasim-news-agency",
        "name": "Rasim News Agency",
        "kind": "news_agency",
        "home_url": "",
        "country": None,
    },
    {
        "slug": "mehr-news-agency",
        "name": "Mehr News Agency",
        "kind": "news_agency",
        "home_url": "https://en.mehrnews.com/",
        "country": "iran",
    },
    {
        "slug": "tass",
        "name": "TASS",
        "kind": "news_agency",
        "home_url": "https://tass.com/",
        "country": "russia",
    },
    {
        "slug": "astana-times",
        "name": "The Astana Times",
        "kind": "newspaper",
        "home_url": "https://astanatimes.com/",
        "country": "kazakhstan",
        "aliases": ["Astana Times"],
    },
    {
        "slug": "white-house",
        "name": "The White House",
        "kind": "government",
        "home_url": "https://www.whitehouse.gov/",
        "country": "united-states",
        "aliases": ["White House"],
    },
    {
        "slug": "armenpress",
        "name": "Armenpress",
        "kind": "news_agency",
        "home_url": "https://armenpress.am/en",
        "country": "armenia",
    },
]

# Wikidata IDs for the states and the EU only: the ones we are certain of.
ACTORS = [
    {"slug": "iran", "name": "Iran", "kind": "state", "country": "iran", "wikidata_id": "Q794",
     "aliases": [("Islamic Republic of Iran", "alias")]},
    {"slug": "belarus", "name": "Belarus", "kind": "state", "country": "belarus", "wikidata_id": "Q184",
     "aliases": [("Republic of Belarus", "alias")]},
    {"slug": "russia", "name": "Russia", "kind": "state", "country": "russia", "wikidata_id": "Q159",
     "aliases": [("Russian Federation", "alias")]},
    {"slug": "israel", "name": "Israel", "kind": "state", "country": "israel", "wikidata_id": "Q801"},
    {"slug": "united-states", "name": "United States", "kind": "state", "country": "united-states",
     "wikidata_id": "Q30", "aliases": [("USA", "short"), ("United States of America", "alias")]},
    {"slug": "china", "name": "China", "kind": "state", "country": "china", "wikidata_id": "Q148",
     "aliases": [("People's Republic of China", "alias"), ("PRC", "short")]},
    {"slug": "france", "name": "France", "kind": "state", "country": "france", "wikidata_id": "Q142"},
    {"slug": "germany", "name": "Germany", "kind": "state", "country": "germany", "wikidata_id": "Q183"},
    {"slug": "united-kingdom", "name": "United Kingdom", "kind": "state", "country": "united-kingdom",
     "wikidata_id": "Q145", "aliases": [("UK", "short")]},
    {"slug": "india", "name": "India", "kind": "state", "country": "india", "wikidata_id": "Q668"},
    {"slug": "kazakhstan", "name": "Kazakhstan", "kind": "state", "country": "kazakhstan",
     "wikidata_id": "Q232"},
    {"slug": "south-africa", "name": "South Africa", "kind": "state", "country": "south-africa",
     "wikidata_id": "Q258"},
    {"slug": "armenia", "name": "Armenia", "kind": "state", "country": "armenia", "wikidata_id": "Q399"},
    {"slug": "azerbaijan", "name": "Azerbaijan", "kind": "state", "country": "azerbaijan",
     "wikidata_id": "Q227"},
    {"slug": "european-union", "name": "European Union", "kind": "organisation",
     "country": "european-union", "wikidata_id": "Q458", "aliases": [("EU", "short")]},
    {"slug": "sco", "name": "Shanghai Cooperation Organisation", "kind": "organisation",
     "aliases": [("SCO", "short"), ("Shanghai Cooperation Organization", "transliteration")],
     "description": "Eurasian security and economic organisation founded in 2001."},
    {"slug": "brics", "name": "BRICS", "kind": "organisation",
     "description": "Grouping founded by Brazil, Russia, India and China, later enlarged."},
    {"slug": "eaeu", "name": "Eurasian Economic Union", "kind": "organisation",
     "aliases": [("EAEU", "short"), ("EEU", "short")],
     "description": "Customs and economic union of Russia, Belarus, Kazakhstan, Armenia and Kyrgyzstan."},
    {"slug": "masoud-pezeshkian", "name": "Masoud Pezeshkian", "kind": "person", "country": "iran",
     "description": "President of Iran since 2024.",
     "aliases": [("Pezeshkian", "short"), ("Masud Pezeshkian", "transliteration")]},
    {"slug": "alyaksandr-lukashenka", "name": "Alyaksandr Lukashenka", "kind": "person",
     "country": "belarus", "description": "President of Belarus since 1994.",
     "aliases": [("Lukashenka", "short"), ("Lukashenko", "transliteration"),
                 ("Alexander Lukashenko", "transliteration"),
                 ("Aliaksandr Lukashenka", "transliteration"),
                 ("Aleksandr Lukashenko", "transliteration")]},
    {"slug": "mahmoud-ahmadinejad", "name": "Mahmoud Ahmadinejad", "kind": "person", "country": "iran",
     "description": "President of Iran, 2005–2013.", "aliases": [("Ahmadinejad", "short")]},
    {"slug": "ebrahim-raisi", "name": "Ebrahim Raisi", "kind": "person", "country": "iran",
     "description": "President of Iran, 2021–2024.",
     "aliases": [("Raisi", "short"), ("Ebrahim Raeisi", "transliteration")]},
    {"slug": "vladimir-putin", "name": "Vladimir Putin", "kind": "person", "country": "russia",
     "description": "President of Russia.", "aliases": [("Putin", "short")]},
    {"slug": "viktor-khrenin", "name": "Viktor Khrenin", "kind": "person", "country": "belarus",
     "description": "Minister of Defense of Belarus.", "aliases": [("Khrenin", "short")]},
    {"slug": "mohammad-reza-ashtiani", "name": "Mohammad-Reza Gharaei Ashtiani", "kind": "person",
     "country": "iran", "description": "Minister of Defense of Iran, 2021–2024.",
     "aliases": [("Ashtiani", "short"), ("Mohammad Reza Ashtiani", "alias")]},
    {"slug": "aziz-nasirzadeh", "name": "Aziz Nasirzadeh", "kind": "person", "country": "iran",
     "description": "Minister of Defense of Iran since 2024.", "aliases": [("Nasirzadeh", "short")]},
    {"slug": "vladimir-kupriyanyuk", "name": "Vladimir Kupriyanyuk", "kind": "person",
     "country": "belarus",
     "description": "Deputy Chief of the General Staff of the Belarusian Armed Forces.",
     "aliases": [("Kupriyanyuk", "short"), ("Vladimir Nikolaevich Kupriyanyuk", "alias")]},
    {"slug": "ali-akbar-ahmadian", "name": "Ali Akbar Ahmadian", "kind": "person", "country": "iran",
     "description": "Secretary of Iran's Supreme National Security Council, 2023–2025.",
     "aliases": [("Ahmadian", "short")]},
    {"slug": "nikol-pashinyan", "name": "Nikol Pashinyan", "kind": "person", "country": "armenia",
     "description": "Prime Minister of Armenia.", "aliases": [("Pashinyan", "short"), ("Nikol Pashinian", "transliteration")]},
    {"slug": "ilham-aliyev", "name": "Ilham Aliyev", "kind": "person", "country": "azerbaijan",
     "description": "President of Azerbaijan.", "aliases": [("Aliyev", "short")]},
    {"slug": "donald-trump", "name": "Donald Trump", "kind": "person", "country": "united-states",
     "description": "President of the United States.", "aliases": [("Trump", "short")]},
]  # fmt: skip

PLACES = [
    {"slug": "minsk", "name": "Minsk", "country": "belarus", "latitude": Decimal("53.90000"),
     "longitude": Decimal("27.56667"), "location_precision": "city", "geonames_id": 625144},
    {"slug": "tehran", "name": "Tehran", "country": "iran", "latitude": Decimal("35.69439"),
     "longitude": Decimal("51.42151"), "location_precision": "city", "geonames_id": 112931},
    {"slug": "moscow", "name": "Moscow", "country": "russia", "latitude": Decimal("55.75222"),
     "longitude": Decimal("37.61556"), "location_precision": "city", "geonames_id": 524901},
    {"slug": "saint-petersburg", "name": "Saint Petersburg", "country": "russia",
     "latitude": Decimal("59.93863"), "longitude": Decimal("30.31413"),
     "location_precision": "city", "geonames_id": 498817},
    {"slug": "kazan", "name": "Kazan", "country": "russia", "latitude": Decimal("55.78874"),
     "longitude": Decimal("49.12214"), "location_precision": "city", "geonames_id": 551487},
    {"slug": "astana", "name": "Astana", "country": "kazakhstan", "latitude": Decimal("51.18010"),
     "longitude": Decimal("71.44598"), "location_precision": "city", "geonames_id": 1526273},
    {"slug": "new-delhi", "name": "New Delhi", "country": "india", "latitude": Decimal("28.63576"),
     "longitude": Decimal("77.22445"), "location_precision": "city", "geonames_id": 1261481},
    {"slug": "johannesburg", "name": "Johannesburg", "country": "south-africa",
     "latitude": Decimal("-26.20227"), "longitude": Decimal("28.04363"),
     "location_precision": "city", "geonames_id": 993800},
    {"slug": "vienna", "name": "Vienna", "country": "austria", "latitude": Decimal("48.20849"),
     "longitude": Decimal("16.37208"), "location_precision": "city", "geonames_id": 2761369},
    {"slug": "brussels", "name": "Brussels", "country": "belgium", "latitude": Decimal("50.85045"),
     "longitude": Decimal("4.34878"), "location_precision": "city", "geonames_id": 2800866},
    {"slug": "yerevan", "name": "Yerevan", "country": "armenia", "latitude": Decimal("40.18111"),
     "longitude": Decimal("44.51361"), "location_precision": "city", "geonames_id": 616052},
    {"slug": "washington", "name": "Washington", "country": "united-states",
     "latitude": Decimal("38.89511"), "longitude": Decimal("-77.03637"),
     "location_precision": "city", "geonames_id": 4140963},
    {"slug": "belarus", "name": "Belarus", "country": "belarus", "latitude": Decimal("53.00000"),
     "longitude": Decimal("28.00000"), "location_precision": "country", "geonames_id": 630336},
    {"slug": "iran", "name": "Iran", "country": "iran", "latitude": Decimal("32.00000"),
     "longitude": Decimal("53.00000"), "location_precision": "country", "geonames_id": 130758},
]  # fmt: skip
