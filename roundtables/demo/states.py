"""The 193 UN member states by ISO 3166 code, grouped by UN (M49) region, and the demo's
Steering Group. Names come from django-countries."""

UN_MEMBER_STATES = {
    "africa": (
        "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW "
        "ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW"
    ).split(),
    "americas": (
        "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT US UY VE"
    ).split(),
    "asia": (
        "AF AM AZ BH BD BT BN KH CN CY GE IN ID IR IQ IL JP JO KZ KW KG LA LB MY MV MN MM NP KP OM PK PH QA "
        "KR SA SG LK SY TJ TH TL TR TM AE UZ VN YE"
    ).split(),
    "europe": (
        "AL AD AT BY BE BA BG HR CZ DK EE FI FR DE GR HU IS IE IT LV LI LT LU MT MD MC ME NL MK NO PL PT RO "
        "RU SM RS SK SI ES SE CH UA GB"
    ).split(),
    "oceania": "AU FJ KI MH FM NR NZ PW PG WS SB TO TV VU".split(),
}

# About thirty governments, as in 2010; membership here is demo data, not a historical record.
STEERING_GROUP = (
    "AR AU BD BE BR CA EC EG SV FI FR DE GH GR IN ID MX MA NL PH PT QA SN ES SE CH TR AE GB US"
).split()

OBSERVER_ORGANISATIONS = [
    "International Organization for Migration (IOM)",
    "International Labour Organization (ILO)",
    "United Nations Development Programme (UNDP)",
    "Office of the United Nations High Commissioner for Refugees (UNHCR)",
    "United Nations Population Fund (UNFPA)",
    "United Nations Children's Fund (UNICEF)",
    "Office of the High Commissioner for Human Rights (OHCHR)",
    "World Bank",
    "European Commission",
]

CIVIL_SOCIETY_ORGANISATIONS = [
    "Fundación BBVA Bancomer",
    "International Catholic Migration Commission (ICMC)",
    "Migrant Forum in Asia",
    "December 18",
    "Red Internacional de Migración y Desarrollo",
]
