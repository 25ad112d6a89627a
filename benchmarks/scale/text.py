"""Words for the generated meeting: titles, descriptions, abstracts and outcome text that read like
a GFMD year, drawn from fixed pools by a seeded random generator (so a seed always gives the same text)."""

import random

TOPICS = [
    "labour mobility",
    "diaspora engagement",
    "remittances",
    "circular migration",
    "the protection of migrant workers",
    "return and reintegration",
    "climate change and human mobility",
    "migration data",
    "regional consultative processes",
    "gender and migration",
    "the recognition of skills",
    "migrant health",
    "family reunification",
    "irregular migration",
    "ethical recruitment",
    "the portability of social security",
    "migrant entrepreneurship",
    "student mobility",
    "the rights of children on the move",
    "policy and institutional coherence",
]
ASPECTS = [
    "partnerships between countries of origin and destination",
    "the costs and benefits for development",
    "lessons from bilateral agreements",
    "the role of local authorities",
    "evidence for policy",
    "the contribution of civil society",
    "mainstreaming migration into development planning",
    "protection and empowerment",
    "financial inclusion",
    "cooperation with the private sector",
]
PLACES = ["in Africa", "in the Americas", "in Asia", "in Europe", "in the Pacific", "across regions"]
ROUNDTABLE_TITLES = [
    "Partnerships for migration and human development: shared prosperity, shared responsibility",
    "Human mobility and human development",
    "Policy and institutional coherence and partnerships",
    "Migration, development and climate change",
    "Addressing the drivers of migration",
    "Migrants as agents of development",
]
SENTENCES = [
    "Participants exchanged experiences of bilateral labour agreements and their effect on the migrants concerned.",
    "The session looked at how countries of origin and destination can share the costs and the benefits of migration.",
    "Governments described the institutions they set up to make migration and development policies coherent.",
    "Several delegations stressed that reliable data on migrants' skills and needs remain scarce.",
    "Civil society called for the rights of migrants to be placed at the centre of every partnership.",
    "The recognition of qualifications across borders was seen as a condition for migration to pay off.",
    "Diaspora organisations can carry knowledge, investment and trade between their two countries.",
    "Remittances are private money; policies should lower their cost rather than direct their use.",
    "Pre-departure orientation and information campaigns reduce the risks that migrants face.",
    "Local authorities are often the first to meet newcomers and need a say in national policy.",
    "Temporary and circular schemes work best when they give migrants a real choice to return.",
    "The costs of recruitment fall mostly on the workers themselves and should be brought down.",
    "Regional consultative processes remain a useful place to build trust between governments.",
    "Health systems in countries of origin lose staff; ethical recruitment codes try to limit the damage.",
    "Women migrants face particular risks in domestic work and deserve specific protection.",
    "Return migrants bring skills home, but only if their reintegration is prepared.",
    "The effects of climate change on human mobility call for planning rather than emergency responses.",
    "Partnerships need clear objectives, shared monitoring and a budget to last.",
]
PRACTICES = [
    "the Philippines' pre-departure orientation seminars",
    "the Mexico–Canada seasonal agricultural workers programme",
    "Spain's collective management of hiring in countries of origin",
    "Ghana's diaspora engagement policy",
    "Moldova's PARE 1+1 programme matching remittances invested in small businesses",
    "Sri Lanka's welfare fund for migrant workers",
    "Ecuador's plan for the return of its nationals",
    "Morocco's banking services for nationals abroad",
]
ANSWERS = [
    "The theme is well chosen and close to our government's priorities.",
    "We would welcome more time for exchanges between governments and civil society.",
    "The roundtable sessions should end with concrete proposals for follow-up.",
    "Background papers reached us late; earlier circulation would help our preparation.",
    "Our ministry of labour would like to join the team of the session on labour mobility.",
    "Data and evidence deserve a session of their own next year.",
    "The Platform for Partnerships is a useful way to share practices between meetings.",
    "Regional meetings before the Forum would prepare the discussions better.",
]
JOB_TITLES = [
    "Director, Migration Policy",
    "Head of Consular Affairs",
    "Counsellor, Permanent Mission",
    "Senior Adviser, Labour Mobility",
    "Deputy Director-General",
    "Programme Officer",
    "Minister Counsellor",
    "Policy Analyst",
    "Ambassador",
    "Researcher",
]
FIRST_NAMES = [
    "Ana", "Daniel", "Sofía", "Amina", "Kwame", "Li", "Priya", "Jean", "Olga", "Mateo", "Fatima", "Hiro",
    "Nadia", "Tomás", "Grace", "Youssef", "Mei", "Lars", "Chioma", "Rafael", "Ingrid", "Arjun", "Lucía", "Omar",
]  # fmt: skip
LAST_NAMES = [
    "Diallo", "Castillo", "Okafor", "Nguyen", "Dubois", "Kowalski", "Santos", "Haddad", "Mensah", "Silva",
    "Fernández", "Ivanova", "Tanaka", "Mwangi", "Rahman", "Petrović", "Andersen", "Kaya", "Moreau", "Osei",
]  # fmt: skip
OBSERVER_NAMES = [
    "International Labour Office",
    "Migration Research Institute",
    "Regional Economic Commission",
    "Development Bank",
    "Refugee and Migration Agency",
    "Population Fund",
    "Trade and Development Conference",
    "Children's Fund",
]
CIVIL_SOCIETY_NAMES = [
    "Migrant Forum",
    "Diaspora Network",
    "Migrant Rights Alliance",
    "Workers' Solidarity Centre",
    "Women Migrants Association",
    "Returnee Cooperative",
]


def sentences(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(count))


def paragraphs(rng: random.Random, count: int, per_paragraph: int = 3) -> str:
    return "\n\n".join(sentences(rng, per_paragraph) for _ in range(count))


def session_title(rng: random.Random) -> str:
    return f"{rng.choice(TOPICS).capitalize()}: {rng.choice(ASPECTS)}"


def paper_title(rng: random.Random, kind_label: str) -> str:
    return f"{kind_label}: {rng.choice(TOPICS)} {rng.choice(PLACES)}, {rng.choice(ASPECTS)}"


def outcome_html(rng: random.Random, kind: str) -> str:
    """A section of a rapporteur's outcome, as the outcome editor stores it (sanitised HTML)."""
    if kind in ("conclusions", "recommendations"):
        tag = "ul" if kind == "conclusions" else "ol"
        items = "".join(f"<li>{rng.choice(SENTENCES)}</li>" for _ in range(rng.randint(3, 6)))
        return f"<{tag}>{items}</{tag}>"
    if kind == "good_practices":
        cited = rng.sample(PRACTICES, 3)
        return f"<p>Participants cited <strong>{cited[0]}</strong>, {cited[1]} and {cited[2]}.</p>"
    return "".join(f"<p>{sentences(rng, rng.randint(3, 5))}</p>" for _ in range(rng.randint(2, 3)))
