"""Demo articles: eleven Eurasia Daily Monitor analyses, one weekly brief and two drafts.

Plain data, written for the demo. The facts follow public reporting on Iran, Belarus and
their neighbours in 2023–2025; the sentences are original. Bodies are Markdown in the house
style: inline citations such as "(Belta, August 20)", cross-references such as "(see EDM,
May 20)" (several point at other demo articles), and numbered notes "[1]".
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoArticle:
    publication: str  # publication slug
    slug: str
    title: str
    dek: str
    summary: tuple[str, ...]
    body: str
    authors: tuple[str, ...]  # author slugs, in byline order
    topics: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    published: str | None = None  # ISO date; published at 09:00 UTC. None for a draft.
    issue: int | None = None
    image_credit: str = ""
    notes: tuple[str, ...] = ()  # note [n] is notes[n - 1]

    @property
    def status(self) -> str:
        return "published" if self.published else "draft"


ARTICLES = [
    DemoArticle(
        publication="edm",
        slug="belarus-steps-into-brics-as-a-partner-country",
        title="Belarus Steps Into BRICS as a Partner Country",
        dek=(
            "Minsk's new status, a year after Iran became a full member, gives both capitals "
            "another forum in which to argue that Western pressure has failed to isolate them."
        ),
        summary=(
            "Belarus became a BRICS partner country on January 1, taking up a category the "
            "grouping created at its Kazan summit in October 2024.",
            "Iran, a full BRICS member since January 2024, and Belarus now sit together in both "
            "BRICS and the Shanghai Cooperation Organization (SCO).",
            "Partner status carries few obligations and few tangible benefits, but it supports "
            "Minsk's claim that it is anything but isolated.",
        ),
        body="""\
Belarus entered the new year with a new label: since January 1, it has been a partner country of BRICS, a tier of association that falls short of membership but brings invitations to the grouping's summits and outreach sessions (Belta, January 1). The category was agreed at the Kazan summit in October 2024, which Alyaksandr Lukashenka attended and used to press Minsk's case in person (Kremlin.ru, October 24, 2024). Belarus is one of several governments, among them Kazakhstan, Uzbekistan, Cuba and Malaysia, that accepted the offer at the turn of the year. [1]

For the Belarusian leadership, the symbolism outweighs the substance. Partner countries have no vote on BRICS decisions, and the grouping has no common budget to share. What Minsk gains is a stage on which it appears as one of many non-Western governments rather than as a target of the sanctions imposed after the disputed 2020 presidential election and after Russia used Belarusian territory to launch its 2022 invasion of Ukraine (see EDM, February 22, 2024).

The new status also puts Belarus next to Iran once again. Tehran accepted an invitation to join BRICS at the Johannesburg summit in August 2023 and took its seat on January 1, 2024 (Islamic Republic News Agency, August 24, 2023). In July 2024, Belarus completed its accession to the SCO, which Iran had joined a year earlier (The Astana Times, July 4, 2024). Within roughly 18 months, the two governments followed each other into the same Eurasian clubs.

That overlap has become one of the pillars of their relationship. When Lukashenka traveled to Tehran in March 2023, he and then-President Ebrahim Raisi signed a roadmap for comprehensive cooperation covering 2023 to 2026 (Belta, March 13, 2023). Since then, officials on both sides have presented their memberships in Eurasian organizations as part of the same agenda: a world in which Western sanctions lose their bite because enough large economies refuse to apply them.

The limits are plain. BRICS works by consensus, and its heaviest members, China and India, have shown no appetite for turning it into an anti-Western alliance. Neither Beijing nor New Delhi will shield Minsk or Tehran from secondary sanctions, and any economic gain will still have to come from bilateral deals. Partner status is best read as a diplomatic asset for Lukashenka, useful at home and in his dealings with Moscow, rather than as a change in Belarus's economic prospects.
""",
        notes=(
            "BRICS takes its name from Brazil, Russia, India, China and South Africa. Egypt, "
            "Ethiopia, Iran and the United Arab Emirates became members in January 2024, and "
            "Indonesia in January 2025.",
        ),
        authors=("ines-calder",),
        topics=("multilateral-organisations", "diplomacy"),
        regions=("belarus", "iran", "russia", "china", "india", "eastern-europe"),
        published="2025-01-15",
        issue=6,
        image_credit="President of Belarus",
    ),
    DemoArticle(
        publication="edm",
        slug="iran-free-trade-deal-with-eaeu-nears-finish-line",
        title="Iran's Free Trade Deal With the Eurasian Economic Union Nears the Finish Line",
        dek=(
            "An agreement signed in December 2023 awaits Tehran's last approvals, and with it "
            "a wider opening of the Eurasian market to Iranian goods."
        ),
        summary=(
            "The free trade agreement between Iran and the Eurasian Economic Union (EAEU), "
            "signed in Saint Petersburg in December 2023, has been ratified on the union's side "
            "and now depends on Iran's remaining domestic procedures.",
            "The agreement would replace an interim arrangement in force since October 2019 and "
            "remove duties on most goods traded between Iran and the five EAEU states.",
            "Belarus, whose trade with Iran remains small, hopes the deal will help its "
            "machinery, potash and food producers reach a market of about 90 million people.",
        ),
        body="""\
After more than four years of negotiation and another year of ratification, Iran's free trade agreement with the EAEU is close to taking effect. The document was signed in Saint Petersburg on December 25, 2023, on the margins of the Supreme Eurasian Economic Council (Eurasian Economic Commission, December 25, 2023). Russian officials said at the end of last year that they expected it to enter into force in 2025, once the last signatories had completed their procedures (TASS, December 23, 2024).

The new agreement is far broader than the one it replaces. The interim deal, signed in 2018 and in force since October 2019, covered a limited list of goods; even so, trade between Iran and the union roughly doubled under it. The full agreement would remove duties on close to nine-tenths of tariff lines, with each party keeping a short list of sensitive products, mostly agricultural, under protection.

In Tehran, the remaining hurdle is institutional rather than political. Parliament has endorsed the text, and the last word belongs to the Guardian Council, which checks legislation against the constitution and Islamic law. Few in Tehran expect it to object: the government, the business lobby and the leadership all present closer ties with the EAEU as a way to blunt Western sanctions. Iran also became an observer state of the union in December, giving it a seat in the union's working bodies without the obligations of membership.

For Belarus, the stakes are modest in absolute terms but real. Trade with Iran remains small, and Belarusian producers of trucks, tractors, potash fertilizer and dairy products have long complained that Iranian tariffs price them out. Duty-free access would not solve the problems of distance and payment, but it would remove one of the obstacles that Minsk can do nothing about on its own (see EDM, January 15).

The harder questions come after entry into force. Payments between sanctioned economies still run through a patchwork of national-currency settlements and intermediaries, and the transport routes between Belarus and Iran pass through Russia and across the Caspian Sea or the South Caucasus. The agreement will show its value only if the union's members and Iran invest in the logistics and payment channels that turn lower tariffs into actual trade.
""",
        authors=("nilufar-sadykova",),
        topics=("economy-trade", "multilateral-organisations"),
        regions=("iran", "belarus", "russia", "kazakhstan", "armenia", "central-asia"),
        published="2025-02-26",
        issue=30,
        image_credit="Eurasian Economic Commission",
    ),
    DemoArticle(
        publication="edm",
        slug="iran-and-belarus-sign-defense-cooperation-agreement-in-minsk",
        title="Iran and Belarus Sign a Defense Cooperation Agreement in Minsk",
        dek=(
            "Iranian Defense Minister Aziz Nasirzadeh's visit produced an agreement that builds "
            "on a 2023 memorandum; neither side has published what it contains."
        ),
        summary=(
            "On March 12, Iranian Defense Minister Aziz Nasirzadeh and his Belarusian "
            "counterpart, Viktor Khrenin, signed a defense cooperation agreement in Minsk.",
            "The agreement extends a memorandum the two ministries signed in Tehran in July "
            "2023 and continues a pattern of regular military contacts since 2022.",
            "Both ministers presented the deal as an answer to Western sanctions and NATO "
            "enlargement and pointed to the SCO as a framework for defense cooperation.",
        ),
        body="""\
Iran's defense minister, Brigadier General Aziz Nasirzadeh, arrived in Minsk on March 11 at the head of a military delegation, and on the following day he and Belarusian Defense Minister Viktor Khrenin signed an agreement on defense cooperation (Tehran Times, March 11; Iranpress, March 12). Nasirzadeh, in office since August 2024, was received at the airport by senior Belarusian officials. Neither ministry released the text.

The agreement is the second formal defense document between the two countries in less than two years. In July 2023, Khrenin traveled to Tehran, where he and Nasirzadeh's predecessor, Mohammad-Reza Gharaei Ashtiani, signed a memorandum of understanding along with a plan of bilateral military cooperation for that year (Tehran Times, July 31, 2023). The March agreement appears to give that memorandum a more durable legal frame.

The public statements were more revealing than the documents. Nasirzadeh spoke of using the two countries' membership in the Shanghai Cooperation Organization to confront common threats and what he called unilateralism, while Khrenin described continued cooperation as a condition of lasting security for both states (Mehr News Agency, March 12). Such language turns a bilateral arrangement into a piece of a broader story, in which sanctioned governments pool their experience of living under Western pressure (see EDM, January 15).

The wider context is the war in Ukraine. Belarus let Russian forces use its territory for the assault on Kyiv in 2022, and Iran has supplied Russia with Shahed drones that Moscow later began to produce itself. Reports in 2023 that Minsk wanted to manufacture Iranian-designed drones near the Ukrainian border were never confirmed (Ukrainska Pravda, May 8, 2023; see EDM, April 25, 2024). An agreement between the two defense ministries, whatever it contains, will fuel suspicions in Kyiv and in the European Union that such plans are being revived.

What to watch is whether the agreement produces visible activity: officer exchanges, joint training, or Belarusian interest in Iranian air-defense and drone technology. Belarus sold Soviet-era equipment and spare parts to Iran in the 2000s; the direction of the trade may now be reversing, with Minsk the one seeking lessons from a partner that has spent decades building weapons under sanctions.
""",
        authors=("ruben-taliaferro",),
        topics=("military-security", "diplomacy"),
        regions=("iran", "belarus", "russia", "ukraine", "eastern-europe"),
        published="2025-03-18",
        issue=41,
        image_credit="Ministry of Defense of Belarus",
    ),
    DemoArticle(
        publication="edm",
        slug="rasht-astara-railway-missing-link-of-north-south-corridor",
        title="Rasht–Astara Railway Remains the Missing Link of the North–South Corridor",
        dek=(
            "Moscow and Tehran have signed a treaty and a loan agreement, but the short line "
            "that would complete the corridor's western route is still waiting for construction "
            "to begin in earnest."
        ),
        summary=(
            "The International North–South Transport Corridor (INSTC) is meant to link Russia "
            "with Iranian ports and India, but its western branch lacks a railway between "
            "Rasht and Astara on Iran's Caspian coast.",
            "Russia agreed in May 2023 to lend Iran €1.3 billion for the line, and the "
            "comprehensive strategic partnership treaty signed in January names transport "
            "among the areas of cooperation.",
            "Land acquisition, financing and sanctions remain the main obstacles, while Belarus "
            "watches the corridor as a possible route to Iranian markets.",
        ),
        body="""\
Russian and Iranian officials describe the International North–South Transport Corridor as one of the great infrastructure projects of the century. On the map, its western branch is nearly complete: trains can run from Russia through Azerbaijan to the Iranian border at Astara, and from Rasht, near the Caspian coast, south to Qazvin and the Persian Gulf ports. Between Rasht and Astara, however, there is no railway, and freight must be transferred to trucks for a stretch of roughly 160 kilometers.

Closing that gap has been the subject of repeated promises. In May 2023, Vladimir Putin and Ebrahim Raisi watched by video link as their governments signed an intergovernmental agreement on building the line, with Russia to provide a state loan of €1.3 billion (Kremlin.ru, May 17, 2023). In January, Putin and Masoud Pezeshkian signed a treaty on comprehensive strategic partnership in Moscow that lists transport corridors among its priorities, although it contains no mutual defense obligation (Kremlin.ru, January 17).

Progress on the ground has been slower than the diplomacy. Land acquisition along the route through Gilan province has taken longer than planned, and the financing depends on Russian state banks that are themselves under sanctions. The corridor's competitors have moved faster in the meantime: shipping across the Caspian and the eastern route through Kazakhstan and Turkmenistan carry a growing share of Russia–Iran freight (see EDM, June 7, 2023, March 6, 2024).

Azerbaijan's role adds another variable. The western branch runs through Azerbaijani territory, giving Baku leverage over Russian and Iranian traffic at a time when its own relations with Moscow have cooled. Tehran, which distrusts Baku's ties with Israel and Türkiye, has reason to prefer the Caspian and eastern branches even if the railway is built.

Belarus follows the project closely. Belarusian trucks, tractors and potash could travel by rail from Minsk through Russia to the Iranian market, which the Iran–EAEU free trade agreement is about to open further (see EDM, February 26). For that to make commercial sense, the Rasht–Astara line has to exist. Until it does, the corridor remains more a political statement about Eurasian connectivity than a working trade route.
""",
        authors=("kasper-linde",),
        topics=("transport-connectivity", "economy-trade"),
        regions=("russia", "iran", "azerbaijan", "belarus", "south-caucasus", "central-asia"),
        published="2025-04-09",
        issue=52,
        image_credit="Kremlin.ru",
    ),
    DemoArticle(
        publication="edm",
        slug="iran-eaeu-free-trade-agreement-takes-effect",
        title="Iran–EAEU Free Trade Agreement Takes Effect",
        dek=(
            "The agreement in force since May 15 removes duties on most goods; payments, "
            "logistics and sanctions will decide how much trade actually grows."
        ),
        summary=(
            "The free trade agreement between Iran and the EAEU entered into force on May 15, "
            "60 days after Tehran notified the union that it had completed its procedures.",
            "The agreement removes duties on about 87 percent of tariff lines and replaces the "
            "interim arrangement of 2019; the Eurasian Economic Commission hopes trade will "
            "reach $12 billion.",
            "For Belarus, the deal arrives as Minsk and Tehran try to lift bilateral trade from "
            "a low base through new trade offices and settlements in national currencies.",
        ),
        body="""\
The free trade agreement between Iran and the EAEU entered into force on May 15 (Eurasian Economic Commission, May 15). The last step came in March, when Iran's Guardian Council cleared the text and Tehran formally notified the union; under the agreement's terms, it took effect 60 days later (Eurasian Economic Commission, March 17). The union has signed comparable agreements with Vietnam, Serbia and Singapore; Iran is by far the largest of its free trade partners.

The new regime is considerably wider than the interim one it replaces. Duties fall on about 87 percent of tariff lines, covering the great bulk of current trade; each side keeps a list of sensitive goods, chiefly agricultural, under protection. Under the interim deal, trade between Iran and the union roughly doubled to about $4 billion a year. The Eurasian Economic Commission now speaks of a target of $12 billion, which would mean tripling today's volume.

Most of that trade will be Russian. Russia accounts for the lion's share of the union's exchanges with Iran, followed by Kazakhstan; Armenia, the only EAEU member that borders Iran, supplies the one direct land route. Belarus trails well behind (see EDM, February 26). For Minsk, the agreement's value lies less in the numbers than in the signal that Belarusian machinery and food exports will no longer face Iran's high tariffs.

The two governments have already begun building the plumbing. In 2024, they opened permanent trade offices intended to help companies settle in national currencies and avoid the U.S. dollar (TINN.ir, December 9, 2024). Defense cooperation is moving in parallel, with a new agreement signed in Minsk in March (see EDM, March 18).

Tariffs were never the main obstacle, however. Banks in both countries remain cut off from much of the international financial system, freight must cross Russia and either the Caspian Sea or the South Caucasus, and Iran's own currency troubles make long-term contracts risky. The free trade agreement removes a barrier; it does not build a market. Whether the $12 billion target is reached will depend on investment in logistics and payment channels that neither Tehran nor the union has yet made.
""",
        authors=("nilufar-sadykova",),
        topics=("economy-trade", "multilateral-organisations", "sanctions"),
        regions=("iran", "belarus", "russia", "kazakhstan", "armenia", "central-asia"),
        published="2025-05-20",
        issue=73,
        image_credit="Eurasian Economic Commission",
    ),
    DemoArticle(
        publication="edm",
        slug="shahed-drones-and-the-belarusian-question",
        title="Shahed Drones and the Belarusian Question",
        dek=(
            "Two years after reports that Minsk wanted to build Iranian-designed drones near "
            "the Ukrainian border, the evidence remains thin, but the military relationship "
            "keeps growing."
        ),
        summary=(
            "Reports in 2023 that Belarus wanted to produce Iranian Shahed drones at a plant "
            "near the Ukrainian border have never been confirmed by Minsk or Tehran.",
            "Since then, the two defense ministries have signed a memorandum (July 2023) and an "
            "agreement (March 2025), and a senior Belarusian general visited Tehran in May.",
            "Russia's own mass production of Shahed-type drones reduces the need for a "
            "Belarusian line, but Minsk may still seek Iranian know-how for its armed forces.",
        ),
        body="""\
In May 2023, Ukrainian media reported that Belarus was exploring production of Iranian-designed Shahed loitering munitions at a facility close to the Ukrainian border (Ukrainska Pravda, May 8, 2023). The story resurfaced later that summer, with further details about the site and the Iranian specialists said to be involved (Kyiv Post, August 1, 2023). Neither Minsk nor Tehran has confirmed any such plan, and no independent evidence of a production line in Belarus has emerged since.

The reports were plausible because of what was happening in Russia. Iran began supplying Shahed-136 drones to Moscow in 2022, and Russia went on to manufacture them itself under another name. [1] With Russian factories turning out thousands of these drones, the military case for a Belarusian line has weakened. A factory in Belarus would add little to Russia's output while exposing Minsk to new sanctions and to the risk of Ukrainian strikes.

What can be documented is a steady build-up of formal military ties. In July 2023, the two defense ministers signed a memorandum of understanding in Tehran (Tehran Times, July 31, 2023). In March, Iranian Defense Minister Aziz Nasirzadeh came to Minsk and signed a defense cooperation agreement with Viktor Khrenin (Iranpress, March 12; see EDM, March 18). In May, Vladimir Kupriyanyuk, one of the deputy chiefs of Belarus's General Staff, held meetings with senior Iranian officers in Tehran (Rasim News Agency, May 21).

Minsk has reasons to want Iranian expertise that have nothing to do with supplying Russia. The war in Ukraine has shown how cheap drones can change the balance between a small army and a larger one, and Belarus, with a military of modest size, has watched closely. Iran's experience in building drones, missiles and air defenses under sanctions is exactly what a Belarusian planner would want to study.

The Shahed question therefore deserves a more precise framing. The evidence does not show that Belarus has become a drone factory for Russia's war. It does show two governments building the institutional basis for military-technical cooperation, one agreement and one visit at a time. The next step to watch is not a factory but training, licensing and the quiet transfer of design and production experience.
""",
        notes=(
            "Russia fields the Iranian-designed Shahed-136 as the Geran-2 and has produced it "
            "in the Alabuga special economic zone in Tatarstan.",
        ),
        authors=("ruben-taliaferro",),
        topics=("military-security", "sanctions"),
        regions=("belarus", "iran", "russia", "ukraine", "eastern-europe"),
        published="2025-06-04",
        issue=82,
        image_credit="Ministry of Defense of Belarus",
    ),
    DemoArticle(
        publication="edm",
        slug="israel-iran-war-puts-pezeshkian-minsk-visit-on-hold",
        title="Israel–Iran War Puts Pezeshkian's Minsk Visit on Hold",
        dek=(
            "Iran's president was expected in Belarus for the Eurasian Economic Forum; the war "
            "with Israel has pushed the trip back, though not off the agenda."
        ),
        summary=(
            "Masoud Pezeshkian had been expected in Minsk in late June, when Belarus hosts the "
            "Eurasian Economic Forum and a meeting of the Supreme Eurasian Economic Council.",
            "The war that began with Israeli strikes on Iran on June 13 forced the trip to be "
            "postponed; no new date has been announced.",
            "The episode shows the limits of a partnership both sides call strategic: Minsk can "
            "offer Tehran political sympathy but no security.",
        ),
        body="""\
Iranian President Masoud Pezeshkian was due to make his first visit to Belarus this month. The timing was chosen with care: at the end of June, Minsk hosts the Eurasian Economic Forum and a meeting of the Supreme Eurasian Economic Council, where Iran now appears as an observer state and, since May 15, as a free trade partner of the union (see EDM, May 20). Lukashenka had first invited Pezeshkian in September 2024, when he received the secretary of Iran's Supreme National Security Council in Minsk and spoke of raising relations to a strategic partnership (Belta, September 13, 2024).

The war intervened. Israel began striking Iranian military and nuclear sites on June 13, Iran answered with waves of missiles and drones, and the United States struck Iranian nuclear facilities on June 22 before a ceasefire took hold (Islamic Republic News Agency, June 13). With air defenses, the nuclear program and the leadership's own security at stake, a presidential trip to a forum in Minsk was never going to survive the calendar.

The postponement is a reminder of what the relationship with Belarus can and cannot offer Tehran. Minsk can provide a friendly podium, a vote in the Eurasian organizations and a partner in evading sanctions. It cannot provide protection. Even Russia, which signed a comprehensive strategic partnership treaty with Iran in January, did not include any mutual defense obligation in that document (Kremlin.ru, January 17; see EDM, April 9).

The agenda that Pezeshkian was meant to bring to Minsk remains on the table. Officials in both capitals had prepared documents on trade, investment, special economic zones and tourism, meant to carry forward the 2023–2026 roadmap signed in Tehran (Belta, March 13, 2023). Defense contacts have continued at working level, including a visit to Tehran by a senior Belarusian general in May (see EDM, June 4).

Both sides have reason to reschedule quickly. For Tehran, a visit to a European capital, however isolated, would show that the war has not cut it off from its partners. For Lukashenka, hosting an Iranian president soon after a war with Israel would underline Minsk's claim to an independent foreign policy within the Russian orbit. The question is when, not whether.
""",
        authors=("ada-merrow",),
        topics=("diplomacy", "military-security"),
        regions=("iran", "belarus", "israel", "united-states", "middle-east"),
        published="2025-06-25",
        issue=94,
        image_credit="President of Iran",
    ),
    DemoArticle(
        publication="edm",
        slug="one-year-in-the-sco-what-membership-has-given-belarus",
        title="One Year in the SCO: What Membership Has Given Belarus",
        dek=(
            "Belarus became the Shanghai Cooperation Organization's tenth member in Astana a year "
            "ago; so far, the gains are mostly political."
        ),
        summary=(
            "Belarus became the tenth full member of the SCO at the Astana summit on July 4, "
            "2024, a year after Iran joined.",
            "Membership has given Minsk regular access to Chinese, Central Asian and South Asian "
            "leaders, but few concrete economic projects.",
            "Belarus and Iran increasingly frame their bilateral defense and economic "
            "cooperation as part of a wider SCO agenda.",
        ),
        body="""\
A year ago, the SCO summit in Astana opened with a signing ceremony that made Belarus the organization's tenth full member; Kazakh President Kassym-Jomart Tokayev congratulated Lukashenka from the chair (The Astana Times, July 4, 2024). The accession completed a path that began when Belarus became an observer in 2015, and it made Belarus the first SCO member located entirely in Europe. [1]

Iran had walked the same path a year earlier, joining as a full member at the virtual summit chaired by India on July 4, 2023 (Islamic Republic News Agency, July 4, 2023; see EDM, July 12, 2023). The coincidence of dates is not meaningful in itself, but the sequence is: Minsk and Tehran have now entered the SCO, BRICS and the Eurasian Economic Union's orbit in quick succession (see EDM, January 15).

The clearest gain for Belarus has been access. Belarusian ministers now attend the SCO's meetings of defense, foreign and economy ministers as full participants, and Lukashenka sits with Chinese, Indian and Central Asian leaders as an equal rather than as a guest. The organization has also become a shared vocabulary for Minsk's bilateral deals. When Iranian Defense Minister Aziz Nasirzadeh signed a defense agreement in Minsk in March, he cited the SCO as a framework for facing common threats (Mehr News Agency, March 12; see EDM, March 18).

The economic yield is thinner. The SCO has no budget for projects and has yet to set up the development bank its members have discussed for more than a decade. Belarus's biggest economic partner in the organization, China, already deals with Minsk bilaterally, through the Great Stone industrial park and state loans; SCO membership has added little to that channel.

The summit China will host in Tianjin at the end of August will be Belarus's first as a member with a full year's experience. Minsk's priorities are predictable: more economic projects, a louder voice for the organization against sanctions, and a place for Belarus in any new financial mechanisms. Whether the SCO can deliver any of them depends less on Minsk than on whether Beijing and New Delhi want the organization to do more than talk.
""",
        notes=(
            "The SCO's full members are Belarus, China, India, Iran, Kazakhstan, Kyrgyzstan, "
            "Pakistan, Russia, Tajikistan and Uzbekistan.",
        ),
        authors=("ines-calder",),
        topics=("multilateral-organisations", "diplomacy"),
        regions=("belarus", "iran", "kazakhstan", "china", "russia", "central-asia"),
        published="2025-07-14",
        issue=104,
        image_credit="The Astana Times",
    ),
    DemoArticle(
        publication="edm",
        slug="pezeshkian-in-minsk-twelve-documents-and-a-strategic-partnership",
        title="Pezeshkian in Minsk: Twelve Documents and a Bid for Strategic Partnership",
        dek=(
            "Iran's president finally made the trip to Belarus that war had delayed, and brought "
            "a package of agreements reaching from tourism to special economic zones."
        ),
        summary=(
            "Iranian President Masoud Pezeshkian arrived in Minsk on August 19 for a visit, "
            "postponed since June, that produced 12 cooperation documents and a joint statement.",
            "Tehran offered to raise relations with Belarus to a strategic partnership, building "
            "on the 2023–2026 roadmap and on defense agreements signed in 2023 and 2025.",
            "Common exposure to Western sanctions and shared seats in the SCO, BRICS and the "
            "Eurasian Economic Union give the relationship more substance than the distance "
            "between the two capitals suggests.",
        ),
        body="""\
Masoud Pezeshkian landed in Minsk late on August 19, coming from Yerevan, and spent the next day in talks with Alyaksandr Lukashenka at the Palace of Independence (President of Iran, August 19; Belta, August 20). The day ended with a signing ceremony: 12 documents on politics, international law, health care, industry, tourism, investment, the media, and industrial and special economic zones, together with a joint statement on developing relations (Tehran Times, August 20). It was Pezeshkian's first visit to Belarus since he took office in 2024.

The visit had been planned for June, to coincide with the Eurasian Economic Forum in Minsk, but the war between Israel and Iran forced a postponement (see EDM, June 25). Lukashenka told his guest that the delay had not diminished the visit's importance and that no subject was off the table between the two governments, military-technical cooperation included. Pezeshkian, for his part, offered to share Iran's long experience of living under sanctions and said Tehran was ready to consider a strategic partnership with Minsk (Belta, August 20; President of Iran, August 20).

None of this came from nowhere. When Lukashenka visited Tehran in March 2023, the two sides signed a roadmap for comprehensive cooperation through 2026 (Belta, March 13, 2023). The roadmap in turn revived a relationship first formalized in 2007, when Mahmoud Ahmadinejad came to Minsk and Belarus secured the right to develop an Iranian oil field while the two sides signed agreements on industry and trade (Radio Free Europe/Radio Liberty, May 21, 2007). The ties cooled after 2015, when the nuclear deal with Iran and the European Union's suspension of most of its sanctions on Belarus briefly gave both capitals other options (Islamic Republic News Agency, July 14, 2015; Council of the European Union, October 29, 2015). By the end of the decade, both were again under Western pressure (see EDM, November 8, 2018).

The military track has moved fastest. The two defense ministers signed a memorandum in Tehran in July 2023 and a cooperation agreement in Minsk in March, and a deputy chief of the Belarusian General Staff visited Tehran in May (Tehran Times, July 31, 2023; Iranpress, March 12; Rasim News Agency, May 21). Reports that Belarus wanted to build Iranian-designed drones have never been confirmed (see EDM, March 18, June 4).

The economic track depends on the multilateral frameworks both countries have joined. Iran's free trade agreement with the Eurasian Economic Union, of which Belarus is a member, took effect on May 15 (Eurasian Economic Commission, May 15; see EDM, May 20). Iran joined the SCO in 2023 and Belarus in 2024; Iran is a full member of BRICS and Belarus a partner country (see EDM, January 15, July 14). [1] The two governments also opened permanent trade offices in 2024 to settle trade in national currencies (TINN.ir, December 9, 2024).

The alignment between Minsk and Tehran is likely to deepen, if slowly. The constraints are geographic and financial: goods must cross Russia and the Caspian or the South Caucasus, and payments must avoid the dollar. The incentives are political and stronger. Both governments see their relationship as proof that Western isolation does not work, and both have found in Eurasian organizations a setting in which to say so together.
""",
        notes=(
            "BRICS was founded by Brazil, Russia, India and China and later joined by South "
            "Africa; Egypt, Ethiopia, Iran and the United Arab Emirates became members in 2024 and "
            "Indonesia in 2025. Belarus has been a partner country since January 1, 2025.",
        ),
        authors=("ada-merrow",),
        topics=("diplomacy", "economy-trade", "military-security", "multilateral-organisations"),
        regions=("iran", "belarus", "russia", "middle-east", "eastern-europe"),
        published="2025-08-21",
        issue=127,
        image_credit="President of Belarus",
    ),
    DemoArticle(
        publication="edm",
        slug="iran-weighs-washington-route-through-southern-armenia",
        title="Iran Weighs the Washington Route Through Southern Armenia",
        dek=(
            "A U.S.-brokered transit route along Iran's northern border has unsettled Tehran, "
            "which is answering with diplomacy in Yerevan rather than threats."
        ),
        summary=(
            "At the White House on August 8, the leaders of Armenia and Azerbaijan agreed to "
            "open a transit route through southern Armenia, to be developed with U.S. "
            "participation.",
            "Tehran, which has long opposed any change to its border with Armenia, first "
            "reacted with alarm and then with a presidential visit to Yerevan.",
            "The route tests Iran's influence in the South Caucasus at a time when its partners "
            "in Moscow and Minsk have little to offer in the region.",
        ),
        body="""\
On August 8, Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev met U.S. President Donald Trump at the White House and signed a declaration that, among other things, commits Armenia to opening a transit route across its southern Syunik province, linking Azerbaijan to its Nakhchivan exclave (The White House, August 8). The route, to be developed with U.S. participation, has been branded the Trump Route for International Peace and Prosperity.

For Iran, the route runs along the most sensitive stretch of its northern border. Tehran has opposed any corridor that would cut its land link with Armenia or bring a foreign power to the Araks River, and the first reactions from Iranian officials were sharp. Within days, however, the tone softened, as Yerevan insisted that any route through its territory would remain under Armenian jurisdiction and security.

Pezeshkian then chose diplomacy over rhetoric. He arrived in Yerevan on August 18 and, on the following day, he and Pashinyan signed a set of cooperation documents, agreed to build a new bridge over the Araks and spoke of raising relations to a strategic partnership (Armenpress, August 19). Pezeshkian stressed Iran's support for Armenia's territorial integrity, a formula that expresses Iran's concern without rejecting the Washington deal outright (President of Iran, August 19).

From Yerevan, Pezeshkian flew to Minsk (see EDM, August 21). The sequence was telling. In Belarus, Iran found a partner eager to sign documents but with no role in the South Caucasus; in Armenia, it found a neighbor with real leverage over the route but also a new relationship with Washington. Russia, which once guaranteed the region's transport links under the 2020 ceasefire, was absent from both conversations.

The route also changes the corridor map Tehran has relied on. The western branch of the International North–South Transport Corridor already depends on Azerbaijan, and its missing railway link inside Iran is unfinished (see EDM, April 9). An east–west route through Syunik under U.S. sponsorship would give Baku and Ankara a connection that bypasses Iran. Tehran's best option is to make itself useful to Yerevan, through trade, energy and transit, rather than to oppose a deal it cannot stop.
""",
        authors=("kasper-linde",),
        topics=("transport-connectivity", "diplomacy"),
        regions=("iran", "armenia", "azerbaijan", "united-states", "russia", "south-caucasus"),
        published="2025-09-10",
        issue=135,
        image_credit="Armenpress",
    ),
    DemoArticle(
        publication="edm",
        slug="belarus-and-iran-look-for-ways-around-the-dollar",
        title="Belarus and Iran Look for Ways Around the Dollar",
        dek=(
            "Trade offices, national-currency settlements and offers of sanctions expertise "
            "are turning a political friendship into a sanctions-resistant trade channel."
        ),
        summary=(
            "Permanent trade offices opened in 2024 are meant to help Belarusian and Iranian "
            "companies settle in national currencies and avoid the U.S. dollar.",
            "At the Minsk summit in August, Iran offered to share its experience of living under "
            "sanctions, and the two sides signed documents on investment and special economic "
            "zones.",
            "The return of UN sanctions on Iran at the end of September raises the cost of the "
            "channel for Belarusian firms, but not enough to close it.",
        ),
        body="""\
Belarus and Iran have spent the last two years building a trade relationship designed to function without the dollar. In 2024, they opened permanent trade offices whose purpose, according to Iranian reporting, is to help companies on both sides settle payments in national currencies (TINN.ir, December 9, 2024). The offices are small, but they give businesses a point of contact on matters that banks in both countries are reluctant to handle.

The Minsk summit in August added political weight. Among the 12 documents signed there were agreements on investment and on industrial and special economic zones (Tehran Times, August 20; see EDM, August 21). Pezeshkian offered Belarus the benefit of Iran's four decades of experience in dealing with sanctions and said the two countries should work together to neutralize them (Belta, August 20). Lukashenka did not need persuading; Belarus has lived under expanding EU and U.S. sanctions since 2020.

Cooperation extends beyond trade. Belarusian and Iranian institutions run joint programs in microbiology, nanotechnology, power engineering and medicine, including medical devices (Newsweekly.by, June 26). These are fields in which both countries face Western export controls and in which each has something the other lacks: Belarus its Soviet-era research base, Iran a pharmaceutical and nanotechnology sector built under sanctions.

The free trade agreement between Iran and the Eurasian Economic Union, in force since May 15, lowers the tariffs on this trade (see EDM, May 20). What it does not solve is payment. National-currency settlement between the Belarusian ruble and the Iranian rial is cumbersome, and in practice much of the trade is likely to be cleared through Russian intermediaries and rubles.

The reimposition of UN sanctions on Iran at the end of September adds risk. Russia and China reject the legitimacy of the snapback, and Minsk is unlikely to enforce it, but Belarusian banks and exporters with any remaining exposure to European markets will be more cautious. For the two governments, that caution is a cost worth paying. Their aim is not a large trade relationship but a resilient one, and every new channel that works without the dollar is, in their view, a small victory over Western pressure.
""",
        authors=("nilufar-sadykova", "ada-merrow"),
        topics=("sanctions", "economy-trade"),
        regions=("belarus", "iran", "russia", "united-states"),
        published="2025-10-08",
        issue=147,
        image_credit="Belta",
    ),
    DemoArticle(
        publication="ewb",
        slug="week-in-eurasia-pezeshkian-from-yerevan-to-minsk",
        title="The Week in Eurasia: Pezeshkian's Tour From Yerevan to Minsk",
        dek="Iran's president visits two capitals in three days, with very different agendas.",
        summary=(
            "Masoud Pezeshkian visited Armenia on August 18–19 and Belarus on August 19–20.",
            "In Yerevan, the talks centered on the new transit route through southern Armenia; "
            "in Minsk, on trade, investment and defense.",
            "Both hosts spoke of strategic partnership with Iran.",
        ),
        body="""\
Iranian President Masoud Pezeshkian spent the week on a two-stop tour. In Yerevan, he and Prime Minister Nikol Pashinyan signed cooperation documents and agreed on a new bridge over the Araks (Armenpress, August 19). The subtext was the transit route through southern Armenia agreed at the White House on August 8, which Tehran views with suspicion.

In Minsk, Pezeshkian and Alyaksandr Lukashenka signed a joint statement and 12 cooperation documents covering investment, tourism, the media and special economic zones (Tehran Times, August 20). Both sides spoke of a strategic partnership (see EDM, August 21).

The two stops showed the two faces of Iran's regional policy: defending its interests in a neighborhood where Washington is suddenly present, and cultivating distant partners who share its hostility to Western sanctions.

Next week: the countdown to the SCO summit in Tianjin.
""",
        authors=("kasper-linde",),
        topics=("diplomacy",),
        regions=("iran", "armenia", "belarus", "south-caucasus"),
        published="2025-08-22",
        issue=34,
        image_credit="President of Iran",
    ),
    DemoArticle(
        publication="edm",
        slug="what-the-minsk-documents-still-lack",
        title="What the Minsk Documents Still Lack",
        dek="Draft: a follow-up on the 12 documents signed in August.",
        summary=(
            "Which of the 12 documents have been published?",
            "Has any of them entered into force?",
            "What happened to the strategic partnership idea?",
        ),
        body="""\
Three months after the Minsk summit, it is still unclear how many of the 12 documents signed on August 20 have been published in full (Tehran Times, August 20, 2025).

TODO: check the Belarusian legal portal and Iranian parliamentary records; ask the desk whether we have anything on the special economic zones.
""",
        authors=("ada-merrow",),
        topics=("diplomacy",),
        regions=("iran", "belarus"),
    ),
    DemoArticle(
        publication="edm",
        slug="belarus-at-the-tianjin-sco-summit",
        title="Belarus at the Tianjin SCO Summit",
        dek="Draft: Minsk's first summit as a full member with a year's experience.",
        summary=(
            "Lukashenka's meetings in Tianjin.",
            "The development bank question.",
            "Iran and Belarus side by side.",
        ),
        body="""\
Notes for a piece on Belarus at the Tianjin summit (see EDM, July 14, 2025).

TODO: summit documents; Lukashenka's bilateral meetings; any mention of Iran.
""",
        authors=("ines-calder",),
        topics=("multilateral-organisations",),
        regions=("belarus", "china", "central-asia"),
    ),
]
