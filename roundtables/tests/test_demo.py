from pathlib import Path

from django.conf import settings

from roundtables.demo.concept_paper import parse_concept_paper

CONCEPT_PAPER = Path(settings.GFMD_CONCEPT_PAPER)


def test_concept_paper_yields_theme_roundtables_and_sessions():
    paper = parse_concept_paper(CONCEPT_PAPER)
    assert paper.theme == "Partnerships for migration and human development: shared prosperity – shared responsibility"
    assert [rt.title for rt in paper.roundtables] == [
        "Partnerships for migration and development",
        "Human mobility and human development",
        "Policy and institutional coherence to address the relationship between migration and development",
    ]
    assert [s.code for rt in paper.roundtables for s in rt.sessions] == [
        "1.1",
        "1.2",
        "2.1",
        "2.2",
        "3.1",
        "3.2",
        "3.3",
    ]
    session_2_2 = paper.roundtables[1].sessions[1]
    assert session_2_2.title == "Migration, gender and family"
    assert session_2_2.description.startswith("This session spotlights two pivotal concerns")


def test_concept_paper_joins_sentences_cut_by_a_page_break():
    session_1_1 = parse_concept_paper(CONCEPT_PAPER).roundtables[0].sessions[0]
    assert session_1_1.description.endswith("joint labor, education and health strategies for human development.")
